"""The test databases' starting state, as Django's test runner keeps it.

Django (6.1) keeps the state that `serialized_rollback=True` tests restore in the private
`connection._test_serialized_contents`, taken once, right after the migrations. There is no
public way to take it again after adding install data; `test_databases.py` fails when Django
stops keeping it there.
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

WRITTEN_AGAINST = "django 6.1"


def resnapshot_serialized_contents(connection: BaseDatabaseWrapper) -> None:
    """Take the state serialized-rollback tests restore again, from the database as it is now.

    Only where Django took one (some test of the run asked for serialized rollback)."""
    if hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
