"""Demo accounts, one per role, so a newcomer can log in after `make run`. Idempotent.

Passwords are made at random when an account is first created and kept only in
var/demo-credentials.txt (git-ignored, readable by its owner alone); the repository holds no
password. Every run prints the file so the way in is on the screen.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from drmonitor.accounts.roles import EDITORS, MODERATORS, REPORTERS

# (user name, who it is, its group; None for the superuser and the reader)
DEMO_ACCOUNTS = [
    ("admin", "administrator: everything, including users and settings", None),
    ("editor", "editor: publishes, schedules, approves", EDITORS),
    ("reporter", "reporter: writes and submits for review", REPORTERS),
    ("moderator", "moderator: approves or rejects submissions", MODERATORS),
    ("reader", "reader: follows stories on the public site", None),
]


def credentials_path() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.txt"


def read_passwords(path: Path) -> dict[str, str]:
    """{user name: password} from a credentials file written by `write_credentials`."""
    if not path.exists():
        return {}
    passwords = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            passwords[parts[0]] = parts[1]
    return passwords


def write_credentials(path: Path, passwords: dict[str, str]) -> None:
    lines = [
        "# Demo accounts of this installation (made at random; never commit this file).",
        "# Log in on the site at /admin/ (newsroom) or /accounts/login/ (readers).",
        "# user name   password                  role",
    ]
    for username, role, _group in DEMO_ACCOUNTS:
        lines.append(f"{username:<12}{passwords[username]:<26}{role}")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(partial, 0o600)  # in case the file already existed with wider rights
    os.replace(partial, path)


def ensure_accounts() -> dict[str, str]:
    """Create the missing demo accounts; return every demo account's password."""
    User = get_user_model()
    path = credentials_path()
    known = read_passwords(path)
    passwords = {}
    for username, _role, group_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        password = known.get(username)
        if user is None or password is None:
            # New account, or one whose password this file has lost: give it a fresh one.
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User(username=username, email=f"{username}@example.org")
            user.set_password(password)
            user.is_superuser = user.is_staff = username == "admin"
            user.save()
            if group_name:
                user.groups.add(Group.objects.get(name=group_name))
        passwords[username] = password
    if passwords != known:
        write_credentials(path, passwords)
    return passwords


def load(home) -> None:
    """Create what is missing of the demo accounts and show how to log in."""
    ensure_accounts()
    path = credentials_path()
    sys.stdout.write(f"\nDemo accounts (from {path}):\n{path.read_text()}\n")
    sys.stdout.flush()
