"""Demo accounts: one per role, random passwords kept only in var/, stable across runs."""

from __future__ import annotations

import stat

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from drmonitor.accounts import demo
from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def test_demo_accounts_are_created_once_and_shown(home, var_dir, client, capsys):
    demo.load(home)
    first = capsys.readouterr().out
    path = var_dir / "demo-credentials.txt"

    assert str(path) in first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    passwords = demo.read_passwords(path)
    assert set(passwords) == {"admin", "editor", "reporter", "moderator", "reader"}
    assert len(set(passwords.values())) == 5
    for password in passwords.values():
        assert password in first and len(password) >= 16

    assert User.objects.get(username="admin").is_superuser
    assert User.objects.get(username="editor").groups.get().name == EDITORS
    assert User.objects.get(username="reporter").groups.get().name == REPORTERS
    assert User.objects.get(username="moderator").groups.get().name == MODERATORS
    reader = User.objects.get(username="reader")
    assert not reader.is_staff and not reader.groups.exists()

    # The printed password logs the reader in.
    response = client.post(
        reverse("accounts:login"), {"username": "reader", "password": passwords["reader"]}
    )
    assert response.status_code == 302

    # Running again changes nothing and shows the same file.
    demo.load(home)
    assert capsys.readouterr().out == first
    assert User.objects.filter(username__in=passwords).count() == 5


def test_a_lost_credentials_file_gives_fresh_passwords(home, var_dir, capsys):
    demo.load(home)
    path = var_dir / "demo-credentials.txt"
    old = demo.read_passwords(path)
    path.unlink()

    demo.load(home)
    new = demo.read_passwords(path)
    assert set(new) == set(old) and all(new[name] != old[name] for name in old)
    assert User.objects.get(username="editor").check_password(new["editor"])
    assert User.objects.filter(username="editor").count() == 1


def test_a_file_written_for_another_database_is_replaced(home, var_dir, capsys):
    demo.load(home)
    path = var_dir / "demo-credentials.txt"
    # Another database (say, a test run) wrote its own passwords into the file.
    other = dict.fromkeys(demo.read_passwords(path), "not-this-databases-password")
    demo.write_credentials(path, other, dict.fromkeys(other, "0" * 16))

    demo.load(home)
    printed = capsys.readouterr().out
    fresh = demo.read_passwords(path)
    assert "not-this-databases-password" not in printed
    for name, password in fresh.items():
        assert User.objects.get(username=name).check_password(password)
        assert password in printed
