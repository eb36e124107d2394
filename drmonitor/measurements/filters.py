"""The filters every page of the observatory takes from its query string: country, network,
service (a domain), and dates. A bad value is named back to the reader, never a 500."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import QueryDict

# Dates a filter may name: wide enough for any measurement, narrow enough for date arithmetic.
FIRST_DAY, LAST_DAY = dt.date(1990, 1, 1), dt.date(2999, 12, 31)
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")


@dataclass(frozen=True)
class Filters:
    """What the reader asked for. `until` is exclusive; `date` (the board "as of") is the end of
    that day, UTC."""

    country: str | None = None
    asn: int | None = None
    domain: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    errors: tuple[str, ...] = field(default=(), compare=False)

    def query(self, **changes: object) -> str:
        """The query string of these filters (with `changes`), for links and downloads."""
        values = {
            "country": self.country,
            "asn": self.asn,
            "domain": self.domain,
            "since": self.since.date().isoformat() if self.since else None,
            "until": _last_day(self.until),
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})

    @property
    def last_day(self) -> str | None:
        """The last day shown, for the form's "until" field."""
        return _last_day(self.until)

    @property
    def cache_name(self) -> str:
        moments = [m.isoformat() if m else "" for m in (self.since, self.until)]
        return "|".join([self.country or "", str(self.asn or ""), self.domain or "", *moments])


def _last_day(until: dt.datetime | None) -> str | None:
    """The last day included before an exclusive `until`: the day before a midnight, else
    `until`'s own day."""
    if until is None:
        return None
    if until.time() == dt.time():
        until -= dt.timedelta(days=1)
    return until.date().isoformat()


def _day(text: str, name: str, errors: list[str]) -> dt.date | None:
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        errors.append(f"{name}: not a date (YYYY-MM-DD): {text!r}")
        return None
    if not FIRST_DAY <= day <= LAST_DAY:
        errors.append(f"{name}: outside {FIRST_DAY.year}-{LAST_DAY.year}: {text!r}")
        return None
    return day


def parse(params: QueryDict, *, country: str | None = None, domain: str | None = None) -> Filters:
    """The filters in `params`; `country` and `domain` given by the page's address win.

    `until` (or the board's `date`) names the last day shown, included.
    """
    errors: list[str] = []
    cc = (country or params.get("country", "")).strip().upper() or None
    if cc and not re.fullmatch(r"[A-Z]{2}", cc):
        errors.append(f"country: not a two-letter country code: {cc!r}")
        cc = None
    name = (domain or params.get("domain", "")).strip().lower() or None
    if name and not _DOMAIN.match(name):
        errors.append(f"service: not a domain name: {name!r}")
        name = None
    asn_text = params.get("asn", "").strip().upper().removeprefix("AS")
    asn = None
    if asn_text:
        if asn_text.isdigit() and 0 < int(asn_text) < 2**32:
            asn = int(asn_text)
        else:
            errors.append(f"network: not an AS number: {params.get('asn')!r}")
    since = _day(params.get("since", "").strip(), "since", errors)
    last = _day((params.get("until") or params.get("date") or "").strip(), "until", errors)
    if since and last and last < since:
        errors.append("until: comes before since")
        last = None
    return Filters(
        country=cc,
        asn=asn,
        domain=name,
        since=dt.datetime.combine(since, dt.time()) if since else None,
        until=dt.datetime.combine(last + dt.timedelta(days=1), dt.time()) if last else None,
        errors=tuple(errors),
    )
