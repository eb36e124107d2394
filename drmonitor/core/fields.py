"""Field shapes the site's models share."""

from django.db import models


def optional_link(to, *, related_name: str = "+", **options) -> models.ForeignKey:
    """A link an editor may leave empty (a picture, a file, a record), which empties itself when
    what it points at is deleted: the page or record that links keeps everything else."""
    return models.ForeignKey(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
