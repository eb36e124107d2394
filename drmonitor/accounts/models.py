"""The site setting that decides whether the newsroom's staff must use two-factor sign-in."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="lock")
class SecuritySettings(BaseGenericSetting):
    require_two_factor_for_staff = models.BooleanField(
        "Require two-factor sign-in for editors and administrators",
        default=False,
        help_text=(
            "Editors, moderators and administrators without it are sent to set it up before "
            "they reach the admin. Reporters and readers may still choose it."
        ),
    )

    panels = [FieldPanel("require_two_factor_for_staff")]

    class Meta:
        verbose_name = "Security"
