"""How often one address or one account may make the site send mail or create accounts.

Counted in the shared cache (Redis in production, so every worker counts together; the embedded
default's local-memory cache counts per process). A limit that is reached answers the same as
one that is not where the answer would tell an account exists (reset mails), and says "try
later" where it would not (registrations from one address).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int

    def allow(self, key: str) -> bool:
        """Count one use for `key`; False once more than `count` fell in the window."""
        cache_key = f"limit:{self.name}:{hashlib.sha256(key.lower().encode()).hexdigest()}"
        cache.add(cache_key, 0, self.seconds)
        try:
            used = cache.incr(cache_key)
        except ValueError:  # expired between the two calls
            cache.set(cache_key, 1, self.seconds)
            used = 1
        return used <= self.count


HOUR = 60 * 60
RESET_MAILS_PER_ACCOUNT = Limit("reset-mail-account", 3, HOUR)
RESET_MAILS_PER_ADDRESS = Limit("reset-mail-address", 10, HOUR)
REGISTRATIONS_PER_ADDRESS = Limit("registration-address", 5, HOUR)
