"""Privacy and your data: what is kept where, the passphrase, export, import,
backup and delete everything. Every form works without JavaScript."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.adapters import local_store
from closer.adapters.export import ExportFormat
from closer.adapters.importers import ImportFormat
from closer.adapters.local_store import StoreState
from closer.domain.errors import CloserError, InvalidInput
from closer.domain.records import ImportReport
from closer.web.dependencies import (
    SESSION_COOKIE,
    HostedOnly,
    LibraryDep,
    LocalOnly,
    OwnerDep,
    ShellDep,
    StoreDep,
    UowDep,
    ZoneDep,
    accounts_of,
    set_unlock_cookie,
)
from closer.web.downloads import export_download
from closer.web.rendering import render, zone_of
from closer.web.store import UNLOCK_COOKIE
from closer.web.uploads import import_upload

router = APIRouter(include_in_schema=False)

CONFIRM_WORD = "DELETE"


def _page(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    *,
    message: str | None = None,
    error: str | None = None,
    report: ImportReport | None = None,
    status: int = 200,
    feed_url: str | None = None,
) -> Response:
    state = store.state()
    return render(
        request,
        "privacy.html",
        shell=shell,
        title="Privacy and your data",
        state=state.value,
        local=state is not StoreState.EXTERNAL,
        hosted=store.settings.hosted,
        data_dir=store.settings.data_dir,
        message=message,
        error=error,
        report=report,
        confirm_word=CONFIRM_WORD,
        formats=[f.value for f in ImportFormat],
        feed_url=feed_url,
        status_code=status,
    )


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(
    request: Request, store: StoreDep, shell: ShellDep, done: str = ""
) -> Response:
    """What Closer keeps, where, and how it is protected; your data's controls."""
    messages = {
        "passphrase": (
            "Your passphrase is changed. The old one no longer opens your records."
        ),
        "encrypted": "Your records are now encrypted with your passphrase.",
        "calendar": "The calendar address no longer works.",
        "password": "Your password is changed. Every other device is signed out.",
    }
    return _page(request, store, shell, message=messages.get(done))


@router.post("/privacy/passphrase", dependencies=[LocalOnly])
async def change_passphrase(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Re-seal the data key under a new passphrase (one atomic step)."""
    if new != confirm:
        return _page(
            request, store, shell, error="The two new passphrases differ.", status=422
        )
    try:
        await run_in_threadpool(
            local_store.change_passphrase, store.settings, current, new
        )
    except CloserError as exc:
        return _page(request, store, shell, error=exc.message, status=exc.status)
    return RedirectResponse("/privacy?done=passphrase", status_code=303)


@router.post("/privacy/password", dependencies=[HostedOnly])
async def change_password(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    owner: OwnerDep,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Hosted: a new password once the current one is given; every other
    device is signed out."""
    from closer.services import accounts  # noqa: PLC0415 - hosted mode only

    if new != confirm:
        return _page(
            request, store, shell, error="The two new passwords differ.", status=422
        )
    try:
        await run_in_threadpool(
            partial(
                accounts.change_password,
                accounts_of(store),
                owner,
                current,
                new,
                keep=request.cookies.get(SESSION_COOKIE),
            )
        )
    except CloserError as exc:
        return _page(request, store, shell, error=exc.message, status=exc.status)
    return RedirectResponse("/privacy?done=password", status_code=303)


@router.post("/privacy/encrypt", dependencies=[LocalOnly])
async def encrypt_now(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    passphrase: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Encrypt a plain store in place (made before encryption, or plain by choice)."""
    if passphrase != confirm:
        return _page(
            request, store, shell, error="The two passphrases differ.", status=422
        )
    try:
        token = await run_in_threadpool(store.encrypt, passphrase)
    except CloserError as exc:
        return _page(request, store, shell, error=exc.message, status=exc.status)
    response = RedirectResponse("/privacy?done=encrypted", status_code=303)
    set_unlock_cookie(response, token)
    return response


@router.get("/privacy/export")
def export_file(
    uow: UowDep, zone: ZoneDep, library: LibraryDep, format: str = "json"
) -> Response:
    """Download everything as Closer JSON, a Markdown journal or CSV tables."""
    try:
        chosen = ExportFormat(format)
    except ValueError:
        raise InvalidInput("Choose json, md or csv.", field="format") from None
    return export_download(uow, library, chosen, zone)


@router.post("/privacy/import", response_class=HTMLResponse)
async def import_file(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    uow: UowDep,
    library: LibraryDep,
) -> Response:
    """Import a file: all or nothing, never twice; the result on the same page.
    The form is read only here, after the checks that the request may go on
    (same site, signed in or unlocked), never before them."""
    async with request.form(max_files=1, max_fields=4) as form:
        file, format = form.get("file"), str(form.get("format") or "")
        if not isinstance(file, UploadFile):
            message = "Choose a file to import."
            return _page(request, store, shell, error=message, status=422)
        if format and format not in set(ImportFormat):
            message = "Choose closer, jrnl, daylio or vcard."
            return _page(request, store, shell, error=message, status=422)
        try:
            report = await run_in_threadpool(
                partial(
                    import_upload,
                    file.file,
                    name=file.filename or "",
                    fmt=ImportFormat(format) if format else None,
                    uow=uow,
                    library=library,
                    settings=store.settings,
                    zone=zone_of(shell),
                )
            )
        except CloserError as exc:
            return _page(request, store, shell, error=exc.message, status=exc.status)
    return _page(request, store, shell, report=report)


@router.post("/privacy/backup", dependencies=[LocalOnly])
async def backup_download(request: Request, store: StoreDep) -> Response:
    """A backup zip of the local store, made now, sent as a download."""
    from closer.adapters.backup import make_backup  # noqa: PLC0415

    store.require(request.cookies.get(UNLOCK_COOKIE))
    if store.state() is StoreState.EXTERNAL:
        raise InvalidInput(
            "This store lives on a database server; its operator backs it up "
            "(docs/deploy.md). Use Export to keep a copy of your records."
        )
    stamp = f"{datetime.now(UTC):%Y%m%d-%H%M%S}"
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "backup.zip"
        await run_in_threadpool(make_backup, store.settings, store.key, target)
        data = target.read_bytes()
    return Response(
        data,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="closer-backup-{stamp}.zip"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/privacy/calendar", response_class=HTMLResponse)
def calendar_address(
    request: Request, store: StoreDep, shell: ShellDep, owner: OwnerDep
) -> Response:
    """A private calendar address, shown once (any earlier one stops working)."""
    from closer.adapters import calendar_feeds  # noqa: PLC0415

    token = calendar_feeds.new_feed(
        store.require(request.cookies.get(UNLOCK_COOKIE)), owner
    )
    url = str(request.url_for("calendar_feed", token=token))
    return _page(request, store, shell, feed_url=url)


@router.post("/privacy/calendar/revoke")
def calendar_revoke(request: Request, store: StoreDep, owner: OwnerDep) -> Response:
    """Stop the private calendar address from working."""
    from closer.adapters import calendar_feeds  # noqa: PLC0415

    calendar_feeds.revoke_feed(store.require(request.cookies.get(UNLOCK_COOKIE)), owner)
    return RedirectResponse("/privacy?done=calendar", status_code=303)


@router.post("/privacy/lock", dependencies=[LocalOnly])
def lock_now(store: StoreDep) -> Response:
    """Close the records until the passphrase is entered again."""
    store.lock()
    return RedirectResponse("/unlock", status_code=303)


@router.post("/privacy/delete")
def delete_everything(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    owner: OwnerDep,
    confirm: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
) -> Response:
    """Erase every record and key (hosted: the account and all its rows),
    after the word is typed (and, hosted, the password given again)."""
    if confirm.strip() != CONFIRM_WORD:
        message = f"Nothing was deleted. To go on, type {CONFIRM_WORD} in capitals."
        return _page(request, store, shell, error=message, status=422)
    if store.settings.hosted:
        from closer.services import accounts  # noqa: PLC0415 - hosted mode only

        try:
            accounts.confirm_password(accounts_of(store), owner, password)
        except CloserError as exc:
            message = f"Nothing was deleted. {exc.message}"
            return _page(request, store, shell, error=message, status=exc.status)
        accounts.delete_account(accounts_of(store), owner)
        response = RedirectResponse("/signup", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response
    store.delete_everything()
    return RedirectResponse("/setup", status_code=303)
