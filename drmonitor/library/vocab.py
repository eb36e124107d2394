"""The words the library files its entries by: what kind of instrument, how far it has got."""

from django.db import models


class InstrumentType(models.TextChoices):
    CONSTITUTION = "constitution", "Constitution"
    ACT = "act", "Act"
    ORDINANCE = "ordinance", "Ordinance"
    RULES = "rules", "Rules"
    POLICY = "policy", "Policy"
    NOTIFICATION = "notification", "Notification"


class LawStatus(models.TextChoices):
    BILL = "bill", "Bill"
    ACT = "act", "Act"
    ORDINANCE = "ordinance", "Ordinance"
    RULES = "rules", "Rules"
    AMENDED = "amended", "Amended"
    STRUCK_DOWN = "struck_down", "Struck down"


class FrameworkType(models.TextChoices):
    TREATY = "treaty", "Treaty"
    DECLARATION = "declaration", "Declaration"
    GENERAL_COMMENT = "general_comment", "General comment"
    RESOLUTION = "resolution", "Resolution"


class FrameworkScope(models.TextChoices):
    UN = "un", "United Nations"
    REGIONAL = "regional", "Regional"


class ResearchType(models.TextChoices):
    REPORT = "report", "Report"
    INDEX = "index", "Index"
    GUIDE = "guide", "Guide"
    EXPLAINER = "explainer", "Explainer"
    TIMELINE = "timeline", "Timeline"
