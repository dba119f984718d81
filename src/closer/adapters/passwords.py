"""Passwords hashed with Argon2id (argon2-cffi's ``PasswordHasher`` with its
RFC 9106 defaults): the ``Passwords`` of ``services.accounts``.

At most ``HASHING_AT_ONCE`` Argon2 computations run at once in a process
(each takes 64 MiB), so a flood of sign-ups or sign-ins waits in line
instead of exhausting memory.
"""

from __future__ import annotations

import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

HASHING_AT_ONCE = 2
_hashing = threading.BoundedSemaphore(HASHING_AT_ONCE)
_hasher = PasswordHasher()
# Checked when there is no account, so a wrong email costs the same time.
_DUMMY_HASH = _hasher.hash("not a password anyone has")


class Argon2Passwords:
    """Argon2id hashes, computed at most ``HASHING_AT_ONCE`` at a time."""

    def hash(self, password: str) -> str:
        with _hashing:
            return _hasher.hash(password)

    def verify(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches ``stored`` (the same work when there
        is no account)."""
        with _hashing:
            try:
                _hasher.verify(_DUMMY_HASH if stored is None else stored, password)
            except (VerificationError, InvalidHashError):
                return False
        return stored is not None

    def needs_rehash(self, stored: str) -> bool:
        return _hasher.check_needs_rehash(stored)


PASSWORDS = Argon2Passwords()
