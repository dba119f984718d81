"""Keeping an unlocked data key for a while, so the CLI asks once per session.

Like ``ssh-agent`` or ``gpg-agent``, the key is kept only in the per-user
runtime folder (``$XDG_RUNTIME_DIR``: a memory file system that only this user
can open and that is emptied at logout), for ``CLOSER_UNLOCK_MINUTES``
minutes. Without a private runtime folder, or with the setting at 0, nothing
is kept and every command asks. ``closer lock`` forgets it at once.

Standard library only: the CLI's fast path reads it.
"""

from __future__ import annotations

import os
import stat
import time
from zlib import crc32


def _folder() -> str | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR", "").strip()
    if not runtime:
        return None
    try:
        info = os.stat(runtime)
    except OSError:
        return None
    private = info.st_uid == os.getuid() and not info.st_mode & (
        stat.S_IRWXG | stat.S_IRWXO
    )
    return os.path.join(runtime, "closer") if private else None


def _file(data_dir: str) -> str | None:
    folder = _folder()
    if folder is None:
        return None
    # crc32, not hashlib (loading OpenSSL costs the fast path 4 ms); the file
    # also names its store, so two folders with one checksum never mix keys.
    return os.path.join(folder, f"{crc32(_store_id(data_dir)):08x}.key")


def _store_id(data_dir: str) -> bytes:
    return os.path.abspath(data_dir).encode("utf-8", "surrogateescape")


def remember(data_dir: str, key: bytes, minutes: int) -> bool:
    """Keep ``key`` for ``minutes``; False if there is nowhere private to keep it."""
    path = _file(data_dir)
    if path is None or minutes <= 0:
        return False
    os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
    expires = int(time.time()) + minutes * 60
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, f"{expires} {key.hex()}\n".encode("ascii") + _store_id(data_dir))
    finally:
        os.close(fd)
    return True


def recall(data_dir: str) -> bytes | None:
    """The kept key, if one was kept and has not expired."""
    path = _file(data_dir)
    if path is None:
        return None
    try:
        with open(path, "rb") as file:
            head, _, store = file.read().partition(b"\n")
        expires_text, hex_key = head.decode("ascii").split()
        expires, key = int(expires_text), bytes.fromhex(hex_key)
    except (OSError, ValueError):
        return None
    if store != _store_id(data_dir):
        return None  # another store's key under the same checksum
    if expires <= time.time() or len(key) != 32:
        forget(data_dir)
        return None
    return key


def forget(data_dir: str) -> None:
    """Drop any kept key for the store in ``data_dir``."""
    path = _file(data_dir)
    if path is not None:
        try:  # noqa: SIM105 - contextlib would cost the fast path's start-up
            os.remove(path)
        except FileNotFoundError:
            pass
