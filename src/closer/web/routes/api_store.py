"""The store over the API: where it stands, set it up, unlock and lock it."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

from closer.domain.errors import InvalidInput
from closer.web.dependencies import LocalOnly, StoreDep, set_unlock_cookie
from closer.web.routes.api import API_PREFIX, GUARDED
from closer.web.store import UNLOCK_COOKIE

router = APIRouter(
    prefix=f"{API_PREFIX}/store",
    tags=["store"],
    dependencies=[LocalOnly],
    responses=GUARDED,
)


class StoreOut(BaseModel):
    state: str = Field(
        description=(
            "external, new, encrypted, plain, or unchosen-plain (made before "
            "encryption existed)"
        )
    )
    open: bool = Field(description="Whether records can be read now")


class Passphrase(BaseModel):
    passphrase: str = Field(min_length=1)


class SetUp(BaseModel):
    passphrase: str | None = Field(
        default=None, description="Encrypt with this; null only with without_encryption"
    )
    without_encryption: bool = Field(
        default=False, description="Explicitly keep the records unencrypted"
    )


def _out(store: StoreDep, token: str | None) -> StoreOut:
    """Where the store stands, and whether it is open for this client."""
    is_open = store.is_open and store.admits(token)
    return StoreOut(state=store.state().value, open=is_open)


def _with_cookie(out: StoreOut, token: str | None) -> JSONResponse:
    """The answer, with this client's unlock cookie (send it back to read)."""
    response = JSONResponse(out.model_dump())
    set_unlock_cookie(response, token)
    return response


@router.get("")
def read_store(request: Request, store: StoreDep) -> StoreOut:
    """Where the store stands, and whether it is open for this client."""
    return _out(store, request.cookies.get(UNLOCK_COOKIE))


@router.post("/setup")
async def set_up_store(body: SetUp, store: StoreDep) -> JSONResponse:
    """Create the store: encrypted with a passphrase, or plain by explicit choice."""
    if body.passphrase is None and not body.without_encryption:
        raise InvalidInput(
            "Give a passphrase, or set without_encryption to true to keep the "
            "records unencrypted.",
            field="passphrase",
        )
    if body.passphrase is not None and body.without_encryption:
        raise InvalidInput(
            "Give a passphrase or without_encryption, not both.", field="passphrase"
        )
    token = await run_in_threadpool(store.set_up, body.passphrase)
    return _with_cookie(_out(store, token), token)


@router.post("/unlock")
async def unlock_store(body: Passphrase, store: StoreDep) -> JSONResponse:
    """Open an encrypted store for this client (the ``closer_unlock`` cookie)
    until it is locked or the app stops."""
    token = await run_in_threadpool(store.unlock, body.passphrase)
    return _with_cookie(_out(store, token), token)


@router.post("/lock")
def lock_store(store: StoreDep) -> StoreOut:
    """Close an encrypted store and forget its key."""
    store.lock()
    return _out(store, None)
