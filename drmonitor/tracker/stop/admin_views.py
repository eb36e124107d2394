"""The "Import STOP CSV" page in Wagtail's admin: upload, then watch the background run.

Only people who may both add and change incidents see it. The upload waits in the run's
record until the worker has read it (jobs.py); the run's page shows a progress bar, then the
report, and offers the rows with errors as a CSV to fix and import again.
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from drmonitor.core.background import refuse_unless, run_views, runs_page, start_run
from drmonitor.core.upload_forms import LimitedUpload, option
from drmonitor.tracker.models import StopImportRun

PERMISSIONS = ("tracker.add_incident", "tracker.change_incident")


def can_import(user) -> bool:
    return user.is_active and user.has_perms(PERMISSIONS)


class StopUploadForm(forms.Form):
    file = LimitedUpload(
        max_mb=20, label="STOP CSV file", help_text="Columns as in STOP's Combined sheet."
    )
    commit = option("Import", "Leave unticked for a dry run that only shows what would happen.")
    skip_errors = option(
        "Import the rows without errors and leave the others out",
        "Unticked, one row with an error keeps the whole file out. The rows left out can be "
        "downloaded, fixed and imported again.",
    )
    merge = option(
        "Merge rows into our matching records",
        "A row close to one of our records (same country, start within a few days, a shared "
        "service or the same kind) joins it instead of making a second incident.",
        ticked=True,
    )

    def clean_file(self) -> str:
        """The sheet's text; STOP's sheets are CSV UTF-8, with or without a byte-order mark."""
        upload = self.cleaned_data["file"]
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                f"The file is not UTF-8 text (byte {exc.start}). Save it as CSV UTF-8."
            ) from exc


@never_cache
def import_view(request):
    refuse_unless(can_import, request)
    form = StopUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return start_run(
            StopImportRun,
            request,
            "tracker_import_stop_run",
            upload_name=request.FILES["file"].name[:255],
            content=form.cleaned_data["file"],
            commit=form.cleaned_data["commit"],
            skip_errors=form.cleaned_data["skip_errors"],
            merge=form.cleaned_data["merge"],
        )
    return runs_page(request, StopImportRun, "tracker/stop/import.html", form)


run_view, progress_view = run_views(StopImportRun, "tracker/stop/run.html", can_import)


@never_cache
@require_GET
def rejected_view(request, pk: int):
    """The rows the run could not take, as CSV, each with its errors."""
    refuse_unless(can_import, request)
    run = get_object_or_404(StopImportRun, pk=pk)
    response = HttpResponse(run.rejected_csv, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="stop-rows-to-fix-{run.pk}.csv"'
    return response
