"""Who may add a section: editors (and administrators), not reporters.

Wagtail grants page permissions by place in the tree, not by page type: a reporter who may add
an article under News may add a section there too. Sections are the menu, so adding one is an
editor's decision. The rule is one model permission, "newsroom.add_sectionpage" ("Can add
section"), given to editors by this app's migration; it covers every section type
(newsroom.sections.SECTION_TYPES too). The "add child page" choice leaves out what the user may
not add, and the create view refuses it.
"""

from __future__ import annotations

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from wagtail.admin.views.pages.create import AddSubpageView
from wagtail.models import Page

from drmonitor.newsroom.models import SectionPage
from drmonitor.newsroom.sections import SECTION_TYPES

ADD_SECTIONS = "newsroom.add_sectionpage"


def section_models() -> set[type[Page]]:
    return {SectionPage, *(apps.get_model(label) for label in SECTION_TYPES.values())}


def may_create(user, page_class: type[Page]) -> bool:
    return page_class not in section_models() or user.has_perm(ADD_SECTIONS)


def refuse_sections_to_writers(request, parent_page, page_class) -> None:
    """before_create_page: a reporter who reaches a section's create form by its address."""
    if not may_create(request.user, page_class):
        raise PermissionDenied("Only editors add sections.")


class DeskAddSubpageView(AddSubpageView):
    """Wagtail's "choose a page type", offering only the types this user may add."""

    def get(self, request, *args, **kwargs):
        self.page_types = [
            page_type
            for page_type in self.page_types
            if may_create(request.user, apps.get_model(page_type[1], page_type[2]))
        ]
        if not self.page_types:
            raise PermissionDenied("Only editors add sections.")
        if len(self.page_types) == 1:  # as Wagtail does: straight to the only form
            _, app_label, model_name, _ = self.page_types[0]
            return redirect("wagtailadmin_pages:add", app_label, model_name, self.parent_page.id)
        return super().get(request, *args, **kwargs)
