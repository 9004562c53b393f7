"""The class list of a pilot hub: one password per user, kept as a salted scrypt hash, never in clear.

``ClassListAuthenticator`` is the JupyterHub authenticator that checks them. A real deployment logs users
in with the institution's accounts instead (PAM, OAuth/LTI: README, "Running a class").
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
from pathlib import Path

from jupyterhub.auth import Authenticator
from traitlets import Unicode

_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1}


def hashed(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def matches(password: str, stored: str) -> bool:
    kind, salt, _ = stored.split("$")
    return kind == "scrypt" and secrets.compare_digest(hashed(password, bytes.fromhex(salt)), stored)


def write_accounts(path: Path, users: list[str]) -> dict[str, str]:
    """A new password for each of ``users``, their hashes written to ``path`` (readable by its owner only);
    returns the passwords, to hand out."""
    passwords = {user: secrets.token_urlsafe(9) for user in users}
    write_private(path, json.dumps({user: hashed(pw) for user, pw in passwords.items()}, indent=1))
    return passwords


def write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(text)


class ClassListAuthenticator(Authenticator):
    """Log in with a user name and its own password from ``accounts_file`` (``write_accounts``)."""

    accounts_file = Unicode(config=True, help="JSON file of user name -> hashed password (dlcourse hub writes it)")

    async def authenticate(self, handler, data):
        accounts = json.loads(Path(self.accounts_file).read_text())
        stored = accounts.get(data.get("username", ""))
        if stored and matches(data.get("password", ""), stored):
            return data["username"]
        return None
