"""Hosted mode over the API: accounts and sessions (the same cookie as pages)."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from closer.domain.errors import InvalidInput
from closer.services import accounts
from closer.web.dependencies import (
    SESSION_COOKIE,
    HostedOnly,
    OwnerDep,
    StoreDep,
    accounts_of,
)
from closer.web.routes.account import client_address, set_session_cookie
from closer.web.routes.api import API_PREFIX, GUARDED

router = APIRouter(
    prefix=f"{API_PREFIX}/account",
    tags=["account"],
    dependencies=[HostedOnly],
    responses=GUARDED,
)


class Credentials(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(max_length=1000)


class AccountOut(BaseModel):
    id: int
    email: str | None


class Confirm(BaseModel):
    confirm: str = Field(description='Must be "DELETE"')
    password: str = Field(max_length=1000, description="The account's password")


class NewPassword(BaseModel):
    current_password: str = Field(max_length=1000)
    new_password: str = Field(max_length=1000)


@router.post("", status_code=201)
async def create_account(
    body: Credentials, request: Request, store: StoreDep
) -> Response:
    """Create an account and sign in (sets the session cookie)."""
    user_id, token = await run_in_threadpool(
        partial(
            accounts.open_account,
            accounts_of(store),
            body.email,
            body.password,
            address=client_address(request),
            days=store.settings.session_days,
        )
    )
    response = JSONResponse(
        {"id": user_id, "email": body.email.strip()}, status_code=201
    )
    set_session_cookie(response, request, store, token)
    return response


@router.get("")
def read_account(store: StoreDep, owner: OwnerDep) -> AccountOut:
    """Who is signed in."""
    return AccountOut(id=owner, email=accounts.email_of(accounts_of(store), owner))


@router.post("/session")
async def sign_in(body: Credentials, request: Request, store: StoreDep) -> Response:
    """Sign in (sets the session cookie). 401 on a wrong pair, 429 when rate limited."""
    token = await run_in_threadpool(
        accounts.sign_in,
        accounts_of(store),
        body.email,
        body.password,
        client_address(request),
        store.settings.session_days,
    )
    owner = accounts.user_for(accounts_of(store), token)
    response = JSONResponse({"id": owner, "email": body.email.strip()})
    set_session_cookie(response, request, store, token)
    return response


@router.delete("/session", status_code=204)
def sign_out(request: Request, store: StoreDep) -> Response:
    """Sign out of this session."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.sign_out(accounts_of(store), token)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.delete("/sessions", status_code=204)
def sign_out_everywhere(store: StoreDep, owner: OwnerDep) -> Response:
    """Sign out of every session of this account."""
    accounts.sign_out_everywhere(accounts_of(store), owner)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.put("/password", status_code=204)
def change_password(
    body: NewPassword, request: Request, store: StoreDep, owner: OwnerDep
) -> Response:
    """Choose a new password (the current one is asked again); every other
    session of the account ends, this one stays."""
    accounts.change_password(
        accounts_of(store),
        owner,
        body.current_password,
        body.new_password,
        keep=request.cookies.get(SESSION_COOKIE),
    )
    return Response(status_code=204)


@router.delete("", status_code=204)
def delete_account(body: Confirm, store: StoreDep, owner: OwnerDep) -> Response:
    """Delete the account and every record in it.
    Body: {"confirm": "DELETE", "password": "…"}."""
    if body.confirm != "DELETE":
        raise InvalidInput(
            'Send {"confirm": "DELETE"} to delete the account.', field="confirm"
        )
    accounts.confirm_password(accounts_of(store), owner, body.password)
    accounts.delete_account(accounts_of(store), owner)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
