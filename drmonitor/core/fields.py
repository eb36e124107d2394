"""Field shapes the site's models share."""

from django.db import models


def optional_link(
    to, *, related_name: str = "+", one_to_one: bool = False, **options
) -> models.ForeignKey:
    """A link an editor may leave empty (a picture, a file, a record), which empties itself when
    what it points at is deleted: the page or record that links keeps everything else. With
    `one_to_one`, no two rows may link to the same thing (a campaign has one page)."""
    field = models.OneToOneField if one_to_one else models.ForeignKey
    return field(
        to,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        **options,
    )
