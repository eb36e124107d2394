"""Controlled vocabularies. Where STOP has a column, the stored value is STOP's exact string,
so an export with STOP's column names needs no translation table."""

from django.db import models


class IncidentKind(models.TextChoices):
    PLATFORM_BLOCK = "platform_block", "Platform block"
    WEBSITE_BLOCK = "website_block", "Website block"
    NETWORK_SHUTDOWN = "network_shutdown", "Network shutdown"
    THROTTLING = "throttling", "Throttling"
    VPN_RESTRICTION = "vpn_restriction", "VPN restriction"
    FIREWALL = "firewall_or_dpi", "Firewall or deep packet inspection"
    CABLE_FAULT = "cable_fault", "Undersea cable fault"


class IncidentStatus(models.TextChoices):
    ONGOING = "Ongoing", "Ongoing"
    ENDED = "Ended", "Ended"
    UNKNOWN = "Unknown", "Unknown"


class DateType(models.TextChoices):
    ACTUAL = "Actual", "Actual"
    ESTIMATED = "Estimated", "Estimated"


class GeoScope(models.TextChoices):
    ONE_CITY = "It only affected one city, county, or village", "One city, county or village"
    ONE_REGION = (
        "It affected more than one city in the same state, province, or region",
        "Several cities in one province or region",
    )
    SEVERAL_REGIONS = (
        "It affected locations in more than one state, province, or region",
        "Several provinces or regions",
    )
    NOT_SURE = "Not sure", "Not sure"


class AffectedNetwork(models.TextChoices):
    MOBILE = "Mobile", "Mobile"
    BROADBAND = "Broadband", "Broadband"
    BOTH = "Broadband, Mobile", "Broadband and mobile"
    UNKNOWN = "Unknown", "Unknown"


class Extent(models.TextChoices):
    FULL = "Full network", "Full network"
    SERVICE = "Service-based", "Service-based"
    BOTH = "Full network, Service-based", "Full network and service-based"


class OrderedBy(models.TextChoices):
    EXECUTIVE = "Executive government", "Executive government"
    STATE = "State government", "State (provincial) government"
    LOCAL = "Local government", "Local government"
    LAW_ENFORCEMENT = "Law enforcement", "Law enforcement"
    MILITARY = "Military", "Military"
    JUDICIARY = "Judiciary", "Judiciary"
    NON_GOVERNMENT = "Non-government", "Non-government"
    UNKNOWN = "Unknown", "Unknown"


class ActualCause(models.TextChoices):
    PROTESTS = "Protests", "Protests"
    CONFLICT = "Conflict", "Conflict"
    POLITICAL_INSTABILITY = "Political instability", "Political instability"
    INFORMATION_CONTROL = "Information control", "Information control"
    COMMUNAL_VIOLENCE = "Communal violence", "Communal violence"
    EXAM_CHEATING = "Exam cheating", "Exam cheating"
    ELECTIONS = "Elections", "Elections"
    RELIGIOUS = "Religious holiday/anniversary", "Religious holiday or anniversary"
    VISITS = "Visits by government officials", "Visits by government officials"
    OTHER = "Other", "Other"
    UNKNOWN = "Unknown", "Unknown"


class Justification(models.TextChoices):
    SECURITY = "National security/ Counter-terrorism", "National security, counter-terrorism"
    PUBLIC_SAFETY = (
        "Public safety/ Quell unrest/ Restore public order",
        "Public safety, public order",
    )
    PRECAUTION = "Precautionary measure", "Precautionary measure"
    FAKE_NEWS = (
        "Fake news/ Hate speech/ Incendiary content/ Promoting violence",
        "Fake news, hate speech, incendiary content",
    )
    SABOTAGE = "Sabotage/ Third-party Action", "Sabotage, third-party action"
    EXAMS = "School exams", "School exams"
    ILLEGAL_CONTENT = "Illegal content", "Illegal content"
    TECHNICAL = "Technical problems/ Infrastructure failure", "Technical problems"
    OTHER = "Other", "Other"
    UNKNOWN = "Unknown", "Unknown"


class YesNoUnknown(models.TextChoices):
    YES = "Yes", "Yes"
    NO = "No", "No"
    UNKNOWN = "Unknown", "Unknown"


class ActorKind(models.TextChoices):
    AUTHORITY = "authority", "Government authority"
    REGULATOR = "regulator", "Regulator"
    LAW_ENFORCEMENT = "law_enforcement", "Law enforcement"
    LEGISLATURE = "legislature", "Legislature"
    COURT = "court", "Court"
    COMPANY = "company", "Company"
    CIVIL_SOCIETY = "civil_society", "Civil-society group"
    INTERNATIONAL = "international", "International body or foreign government"
    PERSON = "person", "Person"
    POLITICAL_PARTY = "political_party", "Political party"


class CourtLevel(models.TextChoices):
    SUPREME = "supreme", "Supreme Court"
    CONSTITUTIONAL = "constitutional", "Federal Constitutional Court"
    HIGH = "high", "High Court"
    DISTRICT = "district", "District court"
    TRIBUNAL = "tribunal", "Tribunal"


class BenchType(models.TextChoices):
    SINGLE = "single", "Single bench"
    DIVISION = "division", "Division bench"
    LARGER = "larger", "Full or larger bench (3+)"
    CONSTITUTIONAL = "constitutional", "Constitutional bench"


class CaseStatus(models.TextChoices):
    """C.4: the main line, then the outcomes, then the side states."""

    FILED = "filed", "Filed"
    OBJECTION_RAISED = "objection_raised", "Office objection raised"
    OBJECTION_REMOVED = "objection_removed", "Office objection removed"
    NOTICE_ISSUED = "notice_issued", "Notice issued"
    REPLIES_AWAITED = "replies_awaited", "Replies awaited"
    ARGUMENTS = "arguments", "Arguments"
    RESERVED = "reserved", "Judgment reserved"
    DECIDED = "decided", "Decided"
    DISPOSED_OF = "disposed_of", "Disposed of"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DISMISSED = "dismissed", "Dismissed"
    ADJOURNED_SINE_DIE = "adjourned_sine_die", "Adjourned sine die"
    TRANSFERRED = "transferred", "Transferred"
    DORMANT = "dormant", "Dormant"


CLOSED_CASE_STATUSES = {
    CaseStatus.DECIDED,
    CaseStatus.DISPOSED_OF,
    CaseStatus.WITHDRAWN,
    CaseStatus.DISMISSED,
}


class HearingResult(models.TextChoices):
    ADJOURNED = "adjourned", "Adjourned"
    NOTICE_ISSUED = "notice_issued", "Notice issued"
    SUMMONED = "summoned", "Officials summoned"
    REPLY_SOUGHT = "reply_sought", "Reply sought"
    INTERIM_RELIEF_GRANTED = "interim_relief_granted", "Interim relief granted"
    INTERIM_RELIEF_EXTENDED = "interim_relief_extended", "Interim relief extended"
    CONTEMPT_NOTICE = "contempt_notice", "Contempt notice"
    RESERVED = "reserved", "Judgment reserved"
    DECIDED = "decided", "Decided"
    DISPOSED_OF = "disposed_of", "Disposed of"
    NOT_TAKEN_UP = "not_taken_up", "Listed but not taken up"
    SCHEDULED = "scheduled", "Scheduled"


class Outcome(models.TextChoices):
    RELIEF_GRANTED = "relief_granted", "Relief granted"
    RELIEF_PARTLY_GRANTED = "relief_partly_granted", "Relief partly granted"
    RELIEF_REFUSED = "relief_refused", "Relief refused"
    INFRUCTUOUS = "infructuous", "Infructuous"
    REFERRED_TO_GOVERNMENT = "referred_to_government", "Referred to the government"
    UNKNOWN = "unknown", "Unknown"


class OrderKind(models.TextChoices):
    GOVERNMENT_ORDER = "government_order", "Government order or letter"
    INTERIM = "interim", "Interim order or stay"
    DIRECTION = "direction", "Direction"
    NOTICE = "notice", "Notice"
    SUMMONS = "summons", "Summons"
    CONTEMPT_NOTICE = "contempt_notice", "Contempt notice"
    WRITTEN_ORDER = "written_order", "Written order"
    JUDGMENT = "judgment", "Judgment"
    DISPOSAL = "disposal", "Disposal order"
    ADJOURNMENT = "adjournment", "Adjournment"


class DatePrecision(models.TextChoices):
    EXACT = "exact", "Exact"
    INFERRED = "inferred", "Inferred from a weekday or a dated report"
    REPORTED = "reported", "Date of the report"
    MONTH = "month", "Month only"


class SourceKind(models.TextChoices):
    NEWS = "news", "News report"
    OFFICIAL = "official", "Official document or statement"
    COURT = "court", "Court record"
    OONI = "ooni", "OONI measurement or finding"
    IODA = "ioda", "IODA"
    CF_RADAR = "cf_radar", "Cloudflare Radar"
    NETBLOCKS = "netblocks", "NetBlocks"
    CSO = "cso", "Civil-society report"
    STOP = "stop", "Access Now STOP data"
    SOCIAL = "social", "Social media"
    OTHER = "other", "Other"


class SourceLanguage(models.TextChoices):
    """The languages Pakistan's sources are written in (ISO 639-1 codes, as `hreflang` wants)."""

    ENGLISH = "en", "English"
    URDU = "ur", "Urdu"
    SINDHI = "sd", "Sindhi"
    PASHTO = "ps", "Pashto"
    PUNJABI = "pa", "Punjabi"
    BALOCHI = "bal", "Balochi"
    ARABIC = "ar", "Arabic"
    OTHER = "mul", "Other or several"
