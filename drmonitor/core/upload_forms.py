"""The fields of the admin's import pages (STOP CSV, WordPress export): a file refused above a
size before anything reads it, and the ticked-or-not options of a run."""

from __future__ import annotations

from django import forms


class LimitedUpload(forms.FileField):
    """An uploaded file of at most `max_mb` megabytes: a larger one is refused with the limit
    named, and no run starts."""

    def __init__(self, *, max_mb: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.max_mb = max_mb

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload.size > self.max_mb * 1024 * 1024:
            raise forms.ValidationError(f"The file is larger than {self.max_mb} MB.")
        return upload


def option(label: str, help_text: str, *, ticked: bool = False) -> forms.BooleanField:
    """A box the person starting a run may tick or leave: `ticked`, it starts ticked."""
    return forms.BooleanField(required=False, initial=ticked, label=label, help_text=help_text)
