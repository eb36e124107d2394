"""The "Import STOP CSV" page in Wagtail's admin: upload, dry run, then import.

Only people who may both add and change incidents see it. The upload is checked (dry run)
unless the editor ticks "import"; the file is never stored.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from drmonitor.tracker.stop.importer import import_stop

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PERMISSIONS = ("tracker.add_incident", "tracker.change_incident")


def can_import(user) -> bool:
    return user.is_active and user.has_perms(PERMISSIONS)


class StopUploadForm(forms.Form):
    file = forms.FileField(label="STOP CSV file", help_text="Columns as in STOP's Combined sheet.")
    commit = forms.BooleanField(
        required=False,
        label="Import (all rows or none)",
        help_text="Leave unticked for a dry run that only shows what would happen.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 20 MB.")
        return upload


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    report = None
    form = StopUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = import_stop(form.cleaned_data["file"].read(), commit=form.cleaned_data["commit"])
    return render(request, "tracker/stop/import.html", {"form": form, "report": report})
