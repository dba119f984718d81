"""Setting up, unlocking, locking and erasing the local store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from closer.adapters import local_store
from closer.adapters.local_store import StoreState
from closer.cli.output import JsonFlag, console, print_json
from closer.cli.unlock import ask_passphrase
from closer.config import Settings, load_settings
from closer.domain.errors import Conflict, InvalidInput

NoEncryption = Annotated[
    bool,
    typer.Option(
        "--no-encryption",
        help=(
            "Keep the records unencrypted: anyone who can read the files can read them."
        ),
    ),
]


def _new_passphrase(settings: Settings, file: Path | None) -> str:
    if file is not None:
        return _first_line(file)
    from_env = local_store.passphrase_from_file(settings)
    if from_env is not None:
        return from_env
    return ask_passphrase("Choose a passphrase", confirm=True)


def _first_line(file: Path) -> str:
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InvalidInput(f"Cannot read {file}: {exc.strerror}.") from None
    return lines[0] if lines else ""


def init_command(
    no_encryption: NoEncryption = False, as_json: JsonFlag = False
) -> None:
    """Set Closer up here: choose a passphrase.

    Set Closer up here: choose a passphrase that encrypts everything.

    The passphrase is asked for twice (or read from CLOSER_PASSPHRASE_FILE).
    A store made before encryption existed is encrypted in place.
    """
    settings = load_settings()
    state = local_store.store_state(settings)
    if state is StoreState.EXTERNAL:
        raise Conflict(
            "CLOSER_DATABASE_URL names the database, so there is no local store to "
            "set up; protect that database on its server."
        )
    passphrase = None if no_encryption else _new_passphrase(settings, None)
    key = local_store.set_up(settings, passphrase)
    from closer.adapters.db.database import open_database  # noqa: PLC0415 - heavy

    open_database(settings, key=key).close()  # create and migrate it now
    encrypted = key is not None
    if as_json:
        print_json({"data_dir": str(settings.data_dir), "encrypted": encrypted})
    elif encrypted:
        console.print(
            f"Closer is set up in {settings.data_dir}, encrypted with your passphrase. "
            "It cannot be recovered if forgotten: keep it somewhere safe."
        )
    else:
        console.print(f"Closer is set up in {settings.data_dir}, without encryption.")


def unlock_command(as_json: JsonFlag = False) -> None:
    """Unlock your records for a while, so commands stop asking.

    Unlock the records for CLOSER_UNLOCK_MINUTES, so commands stop asking.
    """
    settings = load_settings()
    from closer.cli.unlock import key_for  # noqa: PLC0415

    key_for(settings)
    kept = local_store.remembered_key(settings) is not None
    if as_json:
        print_json(
            {"unlocked": True, "kept_minutes": settings.unlock_minutes if kept else 0}
        )
    elif kept:
        console.print(
            f"Unlocked for {settings.unlock_minutes} minutes (`closer lock` ends it)."
        )
    else:
        console.print(
            "The passphrase is right, but there is no private place to keep the key "
            "(no $XDG_RUNTIME_DIR, or CLOSER_UNLOCK_MINUTES=0): each command will ask."
        )


def lock_command(as_json: JsonFlag = False) -> None:
    """Lock your records now.

    Forget the kept key now: the next command asks for the passphrase.
    """
    local_store.lock(load_settings())
    if as_json:
        print_json({"locked": True})
    else:
        console.print("Locked. The next command will ask for your passphrase.")


def passphrase_command(
    new_file: Annotated[
        Path | None,
        typer.Option(
            "--new-passphrase-file",
            help="Read the new passphrase from this file (for scripts).",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Change the passphrase.

    Nothing is re-encrypted, so it is quick and crash-safe.
    """
    settings = load_settings()
    old = local_store.passphrase_from_file(settings)
    if old is None:
        old = ask_passphrase("Current passphrase")
    new = (
        _first_line(new_file)
        if new_file
        else ask_passphrase("New passphrase", confirm=True)
    )
    local_store.change_passphrase(settings, old, new)
    if as_json:
        print_json({"changed": True})
    else:
        console.print(
            "Your passphrase is changed. The old one no longer opens your records."
        )


def delete_everything_command(
    yes: Annotated[
        bool, typer.Option("--yes", help="Do not ask (for scripts).")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Erase every record, the key and the backups.

    Erase every record, the key file and the backups in the data folder.

    This cannot be undone. Export first if you may want your records later.
    """
    settings = load_settings()
    if local_store.store_state(settings) is StoreState.EXTERNAL:
        raise Conflict(
            "This store is a database server (CLOSER_DATABASE_URL); delete your "
            "account from the web app's Privacy page instead."
        )
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput("Add --yes to delete everything without a question.")
        answer = typer.prompt(
            "This erases all your records, your key and your backups here, for good. "
            "Type DELETE to go on"
        )
        if answer.strip() != "DELETE":
            console.print("Nothing was deleted.")
            raise typer.Exit(1)
    removed = local_store.delete_everything(settings)
    if as_json:
        print_json({"deleted": [str(p) for p in removed]})
    else:
        console.print(
            f"Deleted {len(removed)} files and folders from {settings.data_dir}. "
            "Closer is as new; `closer init` starts again."
        )
