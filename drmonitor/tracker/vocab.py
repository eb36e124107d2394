"""The evidence desk's controlled vocabularies, kept as data in vocab.yaml beside this module.

Where STOP has a column, the stored value is STOP's exact string, so an export with STOP's
column names needs no translation table. Each list is a `TextChoices` importable by name
(`from drmonitor.tracker.vocab import CaseStatus`).
"""

from drmonitor.core.vocabulary import load_vocabularies

VOCABULARIES = load_vocabularies(__file__)
__getattr__ = VOCABULARIES.__getitem__

_case = VOCABULARIES["CaseStatus"]
CLOSED_CASE_STATUSES = {_case.DECIDED, _case.DISPOSED_OF, _case.WITHDRAWN, _case.DISMISSED}
