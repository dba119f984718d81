"""Hosted mode over the API: accounts and sessions (the same cookie as pages)."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from closer.adapters import accounts
from closer.domain.errors import InvalidInput
from closer.web.dependencies import SESSION_COOKIE, HostedOnly, OwnerDep, StoreDep
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
    database = store.require()
    user_id, token = await run_in_threadpool(
        partial(
            accounts.open_account,
            database,
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
    return AccountOut(id=owner, email=accounts.email_of(store.require(), owner))


@router.post("/session")
async def sign_in(body: Credentials, request: Request, store: StoreDep) -> Response:
    """Sign in (sets the session cookie). 401 on a wrong pair, 429 when rate limited."""
    database = store.require()
    token = await run_in_threadpool(
        accounts.sign_in,
        database,
        body.email,
        body.password,
        client_address(request),
        store.settings.session_days,
    )
    owner = accounts.user_for(database, token)
    response = JSONResponse({"id": owner, "email": body.email.strip()})
    set_session_cookie(response, request, store, token)
    return response


@router.delete("/session", status_code=204)
def sign_out(request: Request, store: StoreDep) -> Response:
    """Sign out of this session."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.sign_out(store.require(), token)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.delete("/sessions", status_code=204)
def sign_out_everywhere(store: StoreDep, owner: OwnerDep) -> Response:
    """Sign out of every session of this account."""
    accounts.sign_out_everywhere(store.require(), owner)
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
        store.require(),
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
    accounts.confirm_password(store.require(), owner, body.password)
    accounts.delete_account(store.require(), owner)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
