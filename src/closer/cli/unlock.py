"""Getting the data key for a CLI command: kept key, passphrase file, or a prompt."""

from __future__ import annotations

import sys

import typer

from closer.adapters import local_store
from closer.adapters.local_store import StoreState
from closer.config import Settings
from closer.domain.errors import Locked


def ask_passphrase(prompt: str, *, confirm: bool = False) -> str:
    """Read a passphrase from the terminal without echoing it."""
    if not sys.stdin.isatty():
        raise Locked(
            "A passphrase is needed and there is no terminal to ask for it. "
            "Set CLOSER_PASSPHRASE_FILE to a file that holds it."
        )
    text: str = typer.prompt(prompt, hide_input=True, confirmation_prompt=confirm)
    return text


def key_for(settings: Settings) -> bytes | None:
    """The data key for an encrypted store (None for any other), asking once."""
    if local_store.store_state(settings) is not StoreState.ENCRYPTED:
        return None
    kept = local_store.remembered_key(settings)
    if kept is not None:
        return kept
    passphrase = local_store.passphrase_from_file(settings)
    if passphrase is None:
        passphrase = ask_passphrase("Passphrase")
    return local_store.unlock(settings, passphrase)
