"""The store over the API: where it stands, set it up, unlock and lock it."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from closer.domain.errors import InvalidInput
from closer.web.dependencies import LocalOnly, StoreDep
from closer.web.routes.api import API_PREFIX

router = APIRouter(
    prefix=f"{API_PREFIX}/store", tags=["store"], dependencies=[LocalOnly]
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


def _out(store: StoreDep) -> StoreOut:
    return StoreOut(state=store.state().value, open=store.is_open)


@router.get("")
def read_store(store: StoreDep) -> StoreOut:
    """Where the store stands."""
    return _out(store)


@router.post("/setup")
async def set_up_store(body: SetUp, store: StoreDep) -> StoreOut:
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
    await run_in_threadpool(store.set_up, body.passphrase)
    return _out(store)


@router.post("/unlock")
async def unlock_store(body: Passphrase, store: StoreDep) -> StoreOut:
    """Open an encrypted store until it is locked or the app stops."""
    await run_in_threadpool(store.unlock, body.passphrase)
    return _out(store)


@router.post("/lock")
def lock_store(store: StoreDep) -> StoreOut:
    """Close an encrypted store and forget its key."""
    store.lock()
    return _out(store)
