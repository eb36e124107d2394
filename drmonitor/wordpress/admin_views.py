"""The admin's "Import from WordPress": upload an export, then watch the background run.

Only superusers see it: an import creates sections, bylines and pages across the whole site.
The export is stored in a private folder (never under MEDIA_ROOT: it holds authors' e-mail
addresses) until the worker has read it.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.views.decorators.cache import never_cache

from drmonitor.core.background import refuse_unless, run_views, runs_page, start_run
from drmonitor.core.upload_forms import LimitedUpload, option
from drmonitor.wordpress.models import ImportRun


def can_import(user) -> bool:
    return user.is_active and user.is_superuser


def private_folder() -> Path:
    folder = Path(settings.VAR_DIR) / "wordpress-imports"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


class ExportUploadForm(forms.Form):
    export = LimitedUpload(
        max_mb=200,
        label="WordPress export (.xml)",
        help_text="Tools › Export › All content, on the old site.",
    )
    media_base = forms.URLField(
        required=False,
        label="Old site's uploads address",
        help_text="e.g. https://old.example.org/wp-content/uploads. Leave empty to fetch each "
        "picture from the address the export gives.",
        assume_scheme="https",
    )
    dry_run = option("Dry run", "Check everything and write nothing.")

    def clean_export(self):
        upload = self.cleaned_data["export"]
        head = upload.read(4096)
        upload.seek(0)
        if b"<rss" not in head and b"wordpress.org/export" not in head:
            raise forms.ValidationError(
                "This is not a WordPress export (an RSS file with wp: items)."
            )
        return upload


@never_cache
def import_view(request):
    refuse_unless(can_import, request)
    form = ExportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["export"]
        path = private_folder() / f"{uuid.uuid4().hex}.xml"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return start_run(
            ImportRun,
            request,
            "wordpress_import_run",
            export_path=str(path),
            export_name=upload.name[:255],
            media_base=form.cleaned_data["media_base"],
            dry_run=form.cleaned_data["dry_run"],
        )
    return runs_page(request, ImportRun, "wordpress/import.html", form)


run_view, progress_view = run_views(ImportRun, "wordpress/run.html", can_import)
