from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "a-long-reader-passphrase-7"


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user(
        "amina", email="amina@example.org", password=PASSWORD
    )
