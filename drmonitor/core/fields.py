"""Field shapes the site's models share."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField


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


def optional_links(to, *, related_name: str, **options) -> ParentalManyToManyField:
    """Links from a page or record to any number of others (none is fine), edited with it in
    the admin: a law page's tracker records, an article's other sections."""
    return ParentalManyToManyField(to, blank=True, related_name=related_name, **options)


def optional_blocks(name: str, block, **options) -> StreamField:
    """A list of one kind of block (an episode's guests, a campaign's quotes) an editor may
    leave empty; `name` is the block's type in the stored JSON."""
    return StreamField([(name, block)], blank=True, **options)
