"""Demo accounts, one per role (content/accounts.yaml), so a newcomer can log in after
`make run`. Idempotent.

Passwords are made at random when an account is first created and kept only in
var/demo-credentials.txt (git-ignored, readable by its owner alone); the repository holds no
password. Every run prints the file so the way in is on the screen.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from drmonitor.demo.reading import Located
from drmonitor.demo.saving import reported, save_checked
from drmonitor.demo.schema import AccountSpec


def credentials_path() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.txt"


SEAL_PREFIX = "# seals:"


def seal(user) -> str:
    """A short fingerprint of the stored password hash. Equal seals mean the database still
    holds the password the file names; checking the password itself would cost seconds."""
    return hashlib.sha256(user.password.encode()).hexdigest()[:16]


def read_credentials(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """({user name: password}, {user name: seal}) from a file written by `write_credentials`."""
    passwords: dict[str, str] = {}
    seals: dict[str, str] = {}
    if not path.exists():
        return passwords, seals
    for line in path.read_text().splitlines():
        if line.startswith(SEAL_PREFIX):
            seals.update(item.split("=", 1) for item in line[len(SEAL_PREFIX) :].split())
        elif line.strip() and not line.startswith("#"):
            username, password = line.split()[:2]
            passwords[username] = password
    return passwords, seals


def read_passwords(path: Path) -> dict[str, str]:
    return read_credentials(path)[0]


def write_credentials(
    path: Path, accounts: Sequence[AccountSpec], passwords: dict[str, str], seals: dict[str, str]
) -> None:
    lines = [
        "# Demo accounts of this installation (made at random; never commit this file).",
        "# Log in on the site at /admin/ (newsroom) or /accounts/login/ (readers).",
        "# user name   password                  role",
    ]
    for account in accounts:
        lines.append(f"{account.username:<12}{passwords[account.username]:<26}{account.role}")
    lines.append(SEAL_PREFIX + " " + " ".join(f"{name}={seals[name]}" for name in seals))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(partial, 0o600)  # in case the file already existed with wider rights
    os.replace(partial, path)


def ensure_accounts(entries: Sequence[Located[AccountSpec]]) -> dict[str, str]:
    """Create the missing demo accounts; return every demo account's password.

    An account whose password the file does not hold (the file was lost, or was written for
    another database, e.g. by a test run) gets a fresh one, so what is printed always works.
    """
    User = get_user_model()
    path = credentials_path()
    known, known_seals = read_credentials(path)
    passwords, seals = {}, {}
    for entry in entries:
        account = entry.spec
        username = account.username
        user = User.objects.filter(username=username).first()
        password = known.get(username)
        if user is None or password is None or known_seals.get(username) != seal(user):
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User(username=username, email=f"{username}@example.org")
            user.set_password(password)
            user.is_superuser = user.is_staff = account.superuser
            with reported(entry):
                user.full_clean()
                user.save()
                if account.group:
                    user.groups.add(Group.objects.get(name=account.group))
        passwords[username] = password
        seals[username] = seal(user)
    if passwords != known or seals != known_seals:
        write_credentials(path, [entry.spec for entry in entries], passwords, seals)
    return passwords


def ensure_bylines(entries: Sequence[Located[AccountSpec]], authors: dict) -> None:
    """Link each account to the byline it writes as, unless its author is linked already."""
    User = get_user_model()
    for entry in entries:
        slug = entry.spec.byline
        if slug is None or authors[slug].user_id is not None:
            continue
        author = authors[slug]
        author.user = User.objects.get(username=entry.spec.username)
        with reported(entry, names={"user": "byline"}):
            save_checked(author)


def credentials_listing() -> str:
    """How to log in, as printed after each load: the credentials file without its seals."""
    path = credentials_path()
    shown = [line for line in path.read_text().splitlines() if not line.startswith(SEAL_PREFIX)]
    return f"\nDemo accounts (from {path}):\n" + "\n".join(shown) + "\n"
