"""The key file beside the local store: how the passphrase unlocks the data key.

The database is encrypted with SQLCipher under a random 256-bit *data key*.
The passphrase never touches the database: Argon2id turns it (with a random
salt) into a *wrapping key*, and AES-256-GCM seals the data key with it. The
key file (``closer.key.json``, JSON, documented in docs/encryption.md) holds
the Argon2id parameters, the salt and the sealed data key; never the
passphrase.

- A wrong passphrase fails GCM's authentication check: a clear error, nothing
  opened, nothing written.
- Changing the passphrase re-seals the same data key and replaces the key file
  in one atomic rename, so a crash leaves either the old file or the new one,
  never a store that neither passphrase opens.
- Choosing no encryption is recorded in the key file too, so a plain store is
  always an explicit choice.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from closer.domain.errors import ConfigurationError, WrongPassphrase

KEY_FILE_NAME = "closer.key.json"
FORMAT = 1
_AAD = b"closer data key, format 1"
KEY_BYTES = 32
MIN_PASSPHRASE = 8

Encryption = Literal["sqlcipher", "none"]


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost settings, stored so the same key can be derived later."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 1


@dataclass(frozen=True)
class KeyFile:
    """What the key file says: the chosen encryption and the sealed data key."""

    encryption: Encryption
    kdf: KdfParams | None = None
    salt: bytes = b""
    nonce: bytes = b""
    sealed_key: bytes = b""


def key_file_path(data_dir: Path) -> Path:
    """Where the key file of the store in ``data_dir`` lives."""
    return data_dir / KEY_FILE_NAME


def check_passphrase(passphrase: str) -> str:
    """The passphrase, or a clear error if it is too short to protect anything."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise WrongPassphrase(
            f"Choose a passphrase of at least {MIN_PASSPHRASE} characters; "
            "a few ordinary words you will remember work well."
        )
    return passphrase


def _wrapping_key(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
        version=ARGON2_VERSION,
    )


def seal(passphrase: str, data_key: bytes, kdf: KdfParams) -> KeyFile:
    """A key file in which ``passphrase`` unlocks ``data_key``."""
    check_passphrase(passphrase)
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_wrapping_key(passphrase, salt, kdf)).encrypt(nonce, data_key, _AAD)
    return KeyFile("sqlcipher", kdf, salt, nonce, sealed)


def unseal(key_file: KeyFile, passphrase: str) -> bytes:
    """The data key, or WrongPassphrase if ``passphrase`` does not open it."""
    if key_file.encryption != "sqlcipher" or key_file.kdf is None:
        raise ConfigurationError("This store is not encrypted; it has no passphrase.")
    wrapping = _wrapping_key(passphrase, key_file.salt, key_file.kdf)
    try:
        return AESGCM(wrapping).decrypt(key_file.nonce, key_file.sealed_key, _AAD)
    except InvalidTag:
        raise WrongPassphrase(
            "That passphrase does not unlock your records. Nothing was changed; "
            "check it and try again."
        ) from None


def new_data_key() -> bytes:
    """A fresh random key for the database."""
    return secrets.token_bytes(KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def to_json(key_file: KeyFile) -> dict[str, Any]:
    """The key file's JSON form."""
    if key_file.encryption == "none" or key_file.kdf is None:
        return {"closer_key_file": FORMAT, "encryption": "none"}
    return {
        "closer_key_file": FORMAT,
        "encryption": "sqlcipher",
        "kdf": {
            "algorithm": "argon2id",
            "version": ARGON2_VERSION,
            "time_cost": key_file.kdf.time_cost,
            "memory_kib": key_file.kdf.memory_kib,
            "parallelism": key_file.kdf.parallelism,
            "salt": _b64(key_file.salt),
        },
        "data_key": {
            "algorithm": "aes-256-gcm",
            "nonce": _b64(key_file.nonce),
            "sealed": _b64(key_file.sealed_key),
        },
    }


def from_json(data: Any) -> KeyFile:
    """Read the JSON form back, or raise ValueError naming what is wrong."""
    if not isinstance(data, dict) or data.get("closer_key_file") != FORMAT:
        raise ValueError("not a Closer key file of format 1")
    if data.get("encryption") == "none":
        return KeyFile("none")
    if data.get("encryption") != "sqlcipher":
        raise ValueError("unknown encryption")
    kdf, sealed = data["kdf"], data["data_key"]
    if kdf.get("algorithm") != "argon2id" or sealed.get("algorithm") != "aes-256-gcm":
        raise ValueError("unknown algorithm")
    params = KdfParams(
        int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"])
    )
    return KeyFile(
        "sqlcipher",
        params,
        base64.b64decode(kdf["salt"], validate=True),
        base64.b64decode(sealed["nonce"], validate=True),
        base64.b64decode(sealed["sealed"], validate=True),
    )


class UnreadableKeyFile(ConfigurationError):
    """A key file that is there but cannot be read as one."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"The key file {path} is damaged ({reason}). Restore it from a "
            "backup; without it the encrypted records cannot be opened."
        )
        self.reason = reason


def read_key_file(data_dir: Path) -> KeyFile | None:
    """The key file of the store in ``data_dir``, or None if there is none."""
    path = key_file_path(data_dir)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise UnreadableKeyFile(path, "it is not text") from None
    try:
        return from_json(json.loads(raw))
    except (ValueError, KeyError, TypeError) as exc:
        raise UnreadableKeyFile(path, str(exc)) from None


def write_key_file(
    data_dir: Path, key_file: KeyFile, name: str = KEY_FILE_NAME
) -> None:
    """Replace the key file atomically: after a crash it is the old or the new one."""
    payload = json.dumps(to_json(key_file), indent=2) + "\n"
    write_atomically(data_dir / name, payload.encode("utf-8"))


def write_atomically(path: Path, payload: bytes) -> None:
    """Replace ``path`` (readable by its owner only) with ``payload`` in one
    rename: after a crash it holds the old or the new bytes, never a mix."""
    temporary = path.with_name(path.name + ".new")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, payload)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable."""
    sync_path(folder)


def sync_path(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
