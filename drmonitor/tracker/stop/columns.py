"""STOP's columns and vocabularies, our drm_ columns, and how each maps to our incident: the
one place the export (export.py) and the import (parsing.py, importer.py) read, so the two
directions cannot drift apart.

STOP's 47 columns come first, in STOP's order, then ours. A row imported from STOP keeps its
cells as STOP wrote them (models.StopRow) and is exported with them unchanged; our own
records get STOP columns written from our data, in STOP's formats.
"""

from __future__ import annotations

from drmonitor.tracker.vocab import (
    ActualCause,
    AffectedNetwork,
    DateType,
    Extent,
    GeoScope,
    IncidentKind,
    IncidentStatus,
    Justification,
    OrderedBy,
    SourceKind,
    YesNoUnknown,
)

STOP_COLUMNS = [
    "start_date_type",
    "start_date",
    "country",
    "geo_scope",
    "area_name",
    "shutdown_type",
    "affected_network",
    "shutdown_extent",
    "ordered_by",
    "decision_maker",
    "actual_cause",
    "actual_cause_details",
    "info_source",
    "info_source_link",
    "shutdown_status",
    "end_date",
    "duration",
    "gov_justification",
    "gov_just_details",
    "gov_ack",
    "legal_just",
    "legal_method",
    "gov_ack_source",
    "gov_ack_quote",
    "facebook_affected",
    "twitter_affected",
    "whatsapp_affected",
    "instagram_affected",
    "telegram_affected",
    "other_affected",
    "sms_affected",
    "phonecall_affected",
    "telcos_involved",
    "telco_ack",
    "telco_ack_source",
    "telco_ack_quote",
    "election",
    "violence",
    "hr_abuse_reported",
    "users_targeted",
    "users_target_detail",
    "users_notified",
    "econ_impact",
    "event",
    "an_link",
    "region",
    "count_year",
]

# Our own record, after STOP's columns. The STOP columns of a row imported from STOP hold
# STOP's cells as STOP wrote them (drm_stop_row "STOP"); those of a record of ours are written
# from it (drm_stop_row empty). Either way the drm_ columns hold our record in full, and an
# import takes it from them. drm_slug is the stable key across databases.
DRM_STOP_ROW = "drm_stop_row"
STOP_ORIGIN = "STOP"
# drm_ column -> Incident field, for the fields that hold one value.
DRM_FIELDS = {
    "drm_slug": "slug",
    "drm_title": "title",
    "drm_kind": "kind",
    "drm_status": "status",
    "drm_start_date": "start_date",
    "drm_start_date_type": "start_date_type",
    "drm_end_date": "end_date",
    "drm_end_date_type": "end_date_type",
    "drm_summary": "summary",
    "drm_areas": "areas",
    "drm_geo_scope": "geo_scope",
    "drm_affected_network": "affected_network",
    "drm_extent": "extent",
    "drm_ordered_by_level": "ordered_by_level",
    "drm_stated_justification": "stated_justification",
    "drm_stated_justification_details": "stated_justification_details",
    "drm_actual_cause": "actual_cause",
    "drm_actual_cause_details": "actual_cause_details",
    "drm_legal_method": "legal_method",
    "drm_government_acknowledged": "government_acknowledged",
    "drm_government_ack_source": "government_ack_source",
    "drm_government_ack_quote": "government_ack_quote",
}
DRM_DATES = {"drm_start_date", "drm_end_date"}
# drm_ columns that list records, one per line (a line break is the one separator no name
# or link contains, so nothing is ever split inside a value).
DRM_LISTS = ["drm_services", "drm_networks", "drm_ordered_by", "drm_laws", "drm_sources"]
LIST_SEPARATOR = "\n"
DRM_COLUMNS = [
    DRM_STOP_ROW,
    "drm_slug",
    "drm_title",
    "drm_url",
    "drm_country",
    "drm_decision_maker",
    *[c for c in DRM_FIELDS if c not in ("drm_slug", "drm_title")],
    *DRM_LISTS,
]
EXPORT_COLUMNS = STOP_COLUMNS + DRM_COLUMNS

# Column names of STOP's 2016-2019 sheets that mean the same as a current column.
OLD_COLUMN_NAMES = {
    "shutdown_type_new": "shutdown_type",
    "full or service-based": "shutdown_extent",
    "official_just": "gov_justification",
    "off_statement": "gov_ack_quote",
    "news_link": "info_source_link",
    "services_affected": "other_affected",
}
REQUIRED_COLUMNS = ["start_date", "country", "shutdown_type"]

SHUTDOWN_TYPES = ["Shutdown", "Throttle", "Shutdown, Throttle", "Unknown"]
INFO_SOURCES = ["CSO KIO partners", "News media article", "Social media", "Confidential", "Other"]

# STOP column -> the values it allows (ours are STOP's exact strings, see vocab.py).
VOCABULARIES: dict[str, list[str]] = {
    "start_date_type": DateType.values,
    "geo_scope": GeoScope.values,
    "shutdown_type": SHUTDOWN_TYPES,
    "affected_network": AffectedNetwork.values,
    "shutdown_extent": Extent.values,
    "ordered_by": OrderedBy.values,
    "actual_cause": ActualCause.values,
    "info_source": INFO_SOURCES,
    "shutdown_status": IncidentStatus.values,
    "gov_justification": Justification.values,
    "gov_ack": YesNoUnknown.values,
    "drm_kind": IncidentKind.values,
    "drm_status": IncidentStatus.values,
    "drm_start_date_type": DateType.values,
    "drm_end_date_type": DateType.values,
    "drm_geo_scope": GeoScope.values,
    "drm_affected_network": AffectedNetwork.values,
    "drm_extent": Extent.values,
    "drm_ordered_by_level": OrderedBy.values,
    "drm_stated_justification": Justification.values,
    "drm_actual_cause": ActualCause.values,
    "drm_government_acknowledged": YesNoUnknown.values,
}

# The per-service flags, and the service record each one means.
SERVICE_FLAGS = {
    "facebook_affected": "Facebook",
    "twitter_affected": "X",
    "whatsapp_affected": "WhatsApp",
    "instagram_affected": "Instagram",
    "telegram_affected": "Telegram",
}
SERVICE_ALIASES = {"twitter": "X", "x (twitter)": "X", "x/twitter": "X", "twitter/x": "X"}

# Plain text columns: STOP column -> Incident field.
TEXT_FIELDS = {
    "area_name": "areas",
    "actual_cause_details": "actual_cause_details",
    "gov_just_details": "stated_justification_details",
    "legal_method": "legal_method",
    "gov_ack_quote": "government_ack_quote",
    "event": "summary",
}
# Vocabulary columns: STOP column -> Incident field.
CHOICE_FIELDS = {
    "start_date_type": "start_date_type",
    "geo_scope": "geo_scope",
    "affected_network": "affected_network",
    "shutdown_extent": "extent",
    "ordered_by": "ordered_by_level",
    "actual_cause": "actual_cause",
    "shutdown_status": "status",
    "gov_justification": "stated_justification",
    "gov_ack": "government_acknowledged",
}
# Incident field -> the column an error about it is reported under.
COLUMN_FOR_FIELD = {
    **{f: c for c, f in TEXT_FIELDS.items()},
    **{f: c for c, f in CHOICE_FIELDS.items()},
    "kind": "shutdown_type",
    "start_date": "start_date",
    "end_date": "end_date",
    "country": "country",
    "title": "drm_title",
    "slug": "drm_slug",
    "government_ack_source": "gov_ack_source",
    "decision_maker": "decision_maker",
}
DRM_COLUMN_FOR_FIELD = {f: c for c, f in DRM_FIELDS.items()}

# Which STOP info_source a source kind counts as.
INFO_SOURCE_FOR_KIND = {
    SourceKind.NEWS: "News media article",
    SourceKind.SOCIAL: "Social media",
    SourceKind.CSO: "CSO KIO partners",
    SourceKind.OONI: "CSO KIO partners",
    SourceKind.IODA: "CSO KIO partners",
    SourceKind.CF_RADAR: "CSO KIO partners",
    SourceKind.NETBLOCKS: "CSO KIO partners",
}
KIND_FOR_INFO_SOURCE = {
    "News media article": SourceKind.NEWS,
    "Social media": SourceKind.SOCIAL,
    "CSO KIO partners": SourceKind.CSO,
}
KIND_FOR_HOST = {
    "ooni.org": SourceKind.OONI,
    "ioda.": SourceKind.IODA,
    "radar.cloudflare.com": SourceKind.CF_RADAR,
    "netblocks.org": SourceKind.NETBLOCKS,
    "accessnow.org": SourceKind.STOP,
    "twitter.com": SourceKind.SOCIAL,
    "x.com": SourceKind.SOCIAL,
    "facebook.com": SourceKind.SOCIAL,
    "t.me": SourceKind.SOCIAL,
}
