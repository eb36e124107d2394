"""The floor every site app stands on: the image model, site settings and page metadata."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from drmonitor.core import framework_internals
from drmonitor.core.caching import depends_on, keep, keys
from drmonitor.core.panels import field_panels, fieldset


class CustomImage(AbstractImage):
    """An image that carries its own caption and credit, so every use of it can show them."""

    caption = models.CharField(max_length=400, blank=True)
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Shown as given, e.g. "Image: Reuters" or "Illustration: Aniqa Haider/MMfD".',
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    # Wagtail writes every rendition it finds in the cache back to the cache, on every use of
    # every image of every page: a serialisation and a cache write each (a network round trip
    # with Redis). These two methods mark what came from the cache so it is not written again.

    def find_existing_renditions(self, *filters: Filter) -> dict[Filter, AbstractRendition]:
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        model = self.get_rendition_model()
        keys = {
            model.construct_cache_key(self, spec.get_cache_key(self), spec.spec): spec
            for spec in filters
        }
        found: dict[Filter, AbstractRendition] = {}
        for key, rendition in model.cache_backend.get_many(list(keys)).items():
            rendition.image = self
            framework_internals.mark_from_cache(rendition)
            found[keys[key]] = rendition
        rest = [spec for spec in filters if spec not in found]
        if rest:
            found.update(super().find_existing_renditions(*rest))
        return found

    def get_rendition(self, filter: Filter | str) -> AbstractRendition:
        if not isinstance(filter, str | Filter):
            return super().get_rendition(filter)  # Wagtail's error for a bad filter
        return next(iter(self.get_renditions(filter).values()))


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def _about(whom: str, help_text: str) -> models.TextField:
    """What editors say about `whom`: the site, or the organisation behind it."""
    return models.TextField(f"About {whom}", blank=True, help_text=help_text)


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """What editors say about the organisation in the sidebar and footer, and where to follow it."""

    tagline = models.CharField(max_length=255, blank=True)
    about = _about("Digital Rights Monitor", "Shown in the sidebar and the footer.")
    about_mmfd = _about(
        "Media Matters for Democracy",
        "The organisation behind the site; shown beside the block above when filled in.",
    )
    contact_email = models.EmailField(blank=True)
    facebook_url = models.URLField(blank=True)
    x_url = models.URLField("X URL", blank=True)
    youtube_url = models.URLField(blank=True)
    instagram_url = models.URLField(blank=True)
    linkedin_url = models.URLField(blank=True)
    default_social_image = models.ForeignKey(
        CustomImage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = field_panels(
        "tagline",
        "about",
        "about_mmfd",
        "contact_email",
        fieldset(
            "Follow links", "facebook_url", "x_url", "youtube_url", "instagram_url", "linkedin_url"
        ),
        "default_social_image",
    )

    # The row with its social image, in one query: every page's meta tags show it.
    select_related = ["default_social_image"]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def load(cls, request_or_site=None) -> SiteSettings:
        """The settings; for a page being rendered, kept until an editor saves them.

        Every page reads them (header, sidebar, footer, meta tags). Code that may write them
        back calls load() without a request and reads the row itself.
        """
        if not isinstance(request_or_site, HttpRequest):
            return super().load(request_or_site)
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request_or_site, attr_name):
            kept = keep("site-settings", super().load, depends=[keys.SETTINGS])
            setattr(request_or_site, attr_name, kept)
        # Said on every use: the first may have been inside a part that keeps its own keys.
        depends_on(keys.SETTINGS)
        return getattr(request_or_site, attr_name)

    def follow_links(self) -> list[tuple[str, str]]:
        """The (network, url) pairs that are filled in, in a stable order for templates."""
        pairs = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
        ]
        return [(name, url) for name, url in pairs if url]
