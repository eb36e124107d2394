"""The admin's article form."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    """A new article starts with its writer's byline: the author the writing account is linked
    to (Author.user), as the first name of the byline. The writer can still change it."""

    def __init__(self, data=None, files=None, *args, **kwargs):
        super().__init__(data, files, *args, **kwargs)
        owner_id = self.instance.owner_id
        if self.is_bound or self.instance.pk is not None or owner_id is None:
            return
        blank = self.formsets["article_authors"]
        authors = blank.model._meta.get_field("author").related_model  # (models import this)
        byline = authors.objects.filter(user_id=owner_id).first()
        if byline is None:
            return
        prefilled = type(blank)(
            instance=self.instance,
            prefix=blank.prefix,
            form_kwargs=blank.form_kwargs,
            initial=[{"author": byline.pk}],
        )
        prefilled.extra = 1  # one form, filled in, for the byline
        self.formsets["article_authors"] = prefilled
