"""The tokens our probes deliver measurements with: each names one probe, is shown once when
issued and kept only as a digest, and can be revoked without touching the others.

A token is 32 random bytes, so a plain SHA-256 digest is enough to keep a leaked database from
giving tokens away (no password-style stretching: nothing to guess).
"""

from __future__ import annotations

import hashlib
import secrets

from django.db import models
from django.utils import timezone


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ProbeToken(models.Model):
    name = models.CharField(
        max_length=100, unique=True, help_text="The probe or vantage point, e.g. pk-lahore-ptcl"
    )
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked = models.BooleanField(
        default=False, help_text="A revoked token is refused; the probe needs a new one."
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "probe token"

    def __str__(self) -> str:
        return self.name

    def new_secret(self) -> str:
        """Give this token a fresh secret and return it: the only time it is ever shown."""
        secret = secrets.token_urlsafe(32)
        self.digest = digest(secret)
        return secret

    @classmethod
    def issue(cls, name: str) -> tuple[ProbeToken, str]:
        token = cls(name=name)
        secret = token.new_secret()
        token.full_clean()
        token.save()
        return token, secret

    @classmethod
    def holder(cls, secret: str) -> ProbeToken | None:
        """The live token `secret` is, noting that it was used; None if none is."""
        token = cls.objects.filter(digest=digest(secret), revoked=False).first()
        if token is not None:
            token.last_used_at = timezone.now()
            token.save(update_fields=["last_used_at"])
        return token
