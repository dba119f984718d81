"""Setting up the store, unlocking it with the passphrase, and locking it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.adapters.local_store import StoreState, store_state
from closer.adapters.vault import MIN_PASSPHRASE
from closer.domain.errors import CloserError, InvalidInput
from closer.web.dependencies import LocalOnly, ShellDep, StoreDep, set_unlock_cookie
from closer.web.rendering import render
from closer.web.routes.safety import safe_next
from closer.web.store import UNLOCK_COOKIE

router = APIRouter(include_in_schema=False, dependencies=[LocalOnly])


@router.get("/setup", response_class=HTMLResponse)
def setup_page(request: Request, store: StoreDep, shell: ShellDep) -> Response:
    """First run: choose a passphrase, or keep the records unencrypted on purpose."""
    if store_state(store.settings) is not StoreState.NEW:
        return RedirectResponse("/", status_code=303)
    return _setup_form(request, shell)


def _setup_form(
    request: Request, shell: ShellDep, error: str | None = None, status: int = 200
) -> Response:
    return render(
        request,
        "setup.html",
        shell=shell,
        title="Protect your records",
        error=error,
        minimum=MIN_PASSPHRASE,
        status_code=status,
    )


@router.post("/setup")
async def set_up(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    passphrase: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
    without_encryption: Annotated[str, Form()] = "",
    choice: Annotated[str, Form()] = "encrypt",
) -> Response:
    """Create the store; an unencrypted one only when that box was ticked."""
    chosen: str | None = passphrase
    if choice == "plain":
        if without_encryption != "yes":
            message = "Tick the box to confirm you want your records unencrypted."
            return _setup_form(request, shell, message, 422)
        chosen = None
    elif passphrase != confirm:
        return _setup_form(
            request, shell, "The two passphrases differ. Type it again.", 422
        )
    try:
        token = await run_in_threadpool(store.set_up, chosen)  # Argon2id: a moment
    except CloserError as exc:
        return _setup_form(request, shell, exc.message, exc.status)
    response = RedirectResponse("/", status_code=303)
    set_unlock_cookie(response, token)
    return response


@router.get("/unlock", response_class=HTMLResponse)
def unlock_page(
    request: Request, store: StoreDep, shell: ShellDep, next: str = "/"
) -> Response:
    """Ask for the passphrase."""
    if store.is_open and store.admits(request.cookies.get(UNLOCK_COOKIE)):
        return RedirectResponse(safe_next(next), status_code=303)
    return _unlock_form(request, shell, next)


def _unlock_form(
    request: Request,
    shell: ShellDep,
    next: str,
    error: str | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "unlock.html",
        shell=shell,
        title="Unlock your records",
        next=safe_next(next),
        error=error,
        status_code=status,
    )


@router.post("/unlock")
async def unlock(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    passphrase: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Open the records for this server's session."""
    try:
        if not passphrase:
            raise InvalidInput("Enter your passphrase.", field="passphrase")
        token = await run_in_threadpool(store.unlock, passphrase)
    except CloserError as exc:
        return _unlock_form(request, shell, next, exc.message, exc.status)
    response = RedirectResponse(safe_next(next), status_code=303)
    set_unlock_cookie(response, token)
    return response


@router.post("/lock")
def lock(store: StoreDep) -> Response:
    """Close the records until the passphrase is entered again."""
    store.lock()
    return RedirectResponse("/unlock", status_code=303)
