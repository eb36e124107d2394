"""Demo accounts: one per role, random passwords kept only in var/, stable across runs."""

from __future__ import annotations

import stat

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS
from drmonitor.demo import accounts
from drmonitor.demo.reading import DemoContentError, Located
from drmonitor.demo.schema import AccountSpec

pytestmark = pytest.mark.django_db
User = get_user_model()

ROLES = [
    AccountSpec(username="admin", role="administrator", superuser=True),
    AccountSpec(username="editor", role="editor", group=EDITORS),
    AccountSpec(username="reporter", role="reporter", group=REPORTERS),
    AccountSpec(username="moderator", role="moderator", group=MODERATORS),
    AccountSpec(username="reader", role="reader: follows stories"),
]
ENTRIES = [Located(spec, "accounts.yaml", f"[{n}]") for n, spec in enumerate(ROLES, 1)]


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_demo_accounts_are_created_once_and_shown(var_dir, client):
    accounts.ensure_accounts(ENTRIES)
    shown = accounts.credentials_listing()
    path = var_dir / "demo-credentials.txt"

    assert str(path) in shown
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    passwords = accounts.read_passwords(path)
    assert set(passwords) == {"admin", "editor", "reporter", "moderator", "reader"}
    assert len(set(passwords.values())) == 5
    for password in passwords.values():
        assert password in shown and len(password) >= 16
    assert "reader: follows stories" in shown and accounts.SEAL_PREFIX not in shown

    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.get().name == EDITORS
    assert User.objects.get(username="reporter").groups.get().name == REPORTERS
    assert User.objects.get(username="moderator").groups.get().name == MODERATORS
    reader = User.objects.get(username="reader")
    assert not reader.is_staff and not reader.groups.exists()

    # The shown password logs the reader in.
    response = client.post(
        reverse("accounts:login"), {"username": "reader", "password": passwords["reader"]}
    )
    assert response.status_code == 302

    # Running again changes nothing and shows the same file.
    assert accounts.ensure_accounts(ENTRIES) == passwords
    assert accounts.credentials_listing() == shown
    assert User.objects.filter(username__in=passwords).count() == 5


def test_a_lost_credentials_file_gives_fresh_passwords(var_dir):
    accounts.ensure_accounts(ENTRIES)
    path = var_dir / "demo-credentials.txt"
    old = accounts.read_passwords(path)
    path.unlink()

    accounts.ensure_accounts(ENTRIES)
    new = accounts.read_passwords(path)
    assert set(new) == set(old) and all(new[name] != old[name] for name in old)
    assert User.objects.get(username="editor").check_password(new["editor"])
    assert User.objects.filter(username="editor").count() == 1


def test_a_file_written_for_another_database_is_replaced(var_dir):
    accounts.ensure_accounts(ENTRIES)
    path = var_dir / "demo-credentials.txt"
    # Another database (say, a test run) wrote its own passwords into the file.
    other = dict.fromkeys(accounts.read_passwords(path), "not-this-databases-password")
    accounts.write_credentials(path, ROLES, other, dict.fromkeys(other, "0" * 16))

    accounts.ensure_accounts(ENTRIES)
    shown = accounts.credentials_listing()
    fresh = accounts.read_passwords(path)
    assert "not-this-databases-password" not in shown
    for name, password in fresh.items():
        assert User.objects.get(username=name).check_password(password)
        assert password in shown


def test_an_unknown_group_is_named_with_its_entry(var_dir):
    wrong = Located(AccountSpec(username="intern", role="intern", group="Interns"), "a.yaml", "[6]")
    with pytest.raises(DemoContentError) as refused:
        accounts.ensure_accounts([wrong])
    assert str(refused.value).startswith("a.yaml: [6]: Group matching query does not exist")
