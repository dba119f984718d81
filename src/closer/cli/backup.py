"""``closer backup`` and ``closer restore``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from closer.adapters import local_store
from closer.adapters.local_store import StoreState
from closer.cli.output import JsonFlag, console, print_json
from closer.cli.unlock import ask_passphrase, key_for
from closer.config import load_settings
from closer.domain.errors import NotSetUp


def backup_command(
    path: Annotated[
        Path | None,
        typer.Argument(
            help="Where to write it (default: backups/ in the data folder)."
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Make a consistent backup, even while the app runs.

    Make a consistent backup while the app runs (encrypted like the store).
    """
    settings = load_settings()
    state = local_store.store_state(settings)
    if state is StoreState.EXTERNAL:
        from closer.adapters import pg_backup  # noqa: PLC0415

        target = path or Path(f"closer-{settings.data_dir.name}.pgdump")
        pg_backup.dump(settings.effective_database_url, target)
        _report({"path": str(target), "kind": "pg_dump"}, as_json)
        return
    if state is StoreState.NEW:
        raise NotSetUp("There is nothing to back up yet: run `closer init` first.")
    from closer.adapters.backup import default_path, make_backup  # noqa: PLC0415

    info = make_backup(settings, key_for(settings), path or default_path(settings))
    _report(
        {
            "path": str(info.path),
            "kind": "closer",
            "encrypted": info.encrypted,
            "schema_revision": info.schema_revision,
            "bytes": info.size,
        },
        as_json,
    )


def _report(data: dict[str, object], as_json: bool) -> None:
    if as_json:
        print_json(data)
        return
    console.print(f"Backup written to {data['path']} (readable by you only).")
    if data.get("encrypted"):
        console.print(
            "It opens with the passphrase you have now; keep it somewhere safe, "
            "away from this device."
        )


def restore_command(
    path: Annotated[Path, typer.Argument(help="The backup to restore.")],
    as_json: JsonFlag = False,
) -> None:
    """Check a backup, then put it in place of the store.

    Check a backup, then put it in place of the current store (kept aside).
    """
    settings = load_settings()
    if settings.database_url:
        from closer.adapters import pg_backup  # noqa: PLC0415

        pg_backup.restore(settings.effective_database_url, path)
        _restored({"path": str(path), "kind": "pg_dump"}, as_json)
        return
    from closer.adapters.backup import read_manifest, restore_backup  # noqa: PLC0415

    manifest = read_manifest(path)  # refuse a damaged file before asking anything
    passphrase = None
    if manifest.get("encrypted"):
        passphrase = local_store.passphrase_from_file(settings) or ask_passphrase(
            "Passphrase of the backup"
        )
    info = restore_backup(settings, path, passphrase)
    _restored(
        {
            "path": str(path),
            "kind": "closer",
            "created_at": info.created_at,
            "encrypted": info.encrypted,
        },
        as_json,
    )


def _restored(data: dict[str, object], as_json: bool) -> None:
    if as_json:
        print_json({"restored": True, **data})
    else:
        console.print(
            f"Restored {data['path']}. The store it replaced is kept in the data "
            "folder, in before-restore-…"
        )
