"""Hosted mode: sign up, sign in, sign out (here or everywhere), delete the account."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, RedirectResponse, Response

from closer.domain.errors import CloserError
from closer.services import accounts
from closer.web.dependencies import (
    SESSION_COOKIE,
    HostedOnly,
    OwnerDep,
    ShellDep,
    StoreDep,
    accounts_of,
)
from closer.web.rendering import render
from closer.web.routes.safety import safe_next
from closer.web.store import StoreHolder

router = APIRouter(include_in_schema=False, dependencies=[HostedOnly])


def client_address(request: Request) -> str:
    """Where a request came from (behind a proxy: uvicorn --proxy-headers)."""
    return request.client.host if request.client else "unknown"


def set_session_cookie(
    response: Response, request: Request, store: StoreHolder, token: str
) -> None:
    """The session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS."""
    secure = store.settings.cookie_secure
    if secure is None:
        secure = request.url.scheme == "https"
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=store.settings.session_days * 86400,
        httponly=True,
        samesite="lax",
        secure=secure,
        path="/",
    )


def _form(
    request: Request,
    shell: ShellDep,
    template: str,
    *,
    next: str = "/",
    email: str = "",
    error: str | None = None,
    status: int = 200,
) -> Response:
    titles = {"login.html": "Sign in", "signup.html": "Create an account"}
    return render(
        request,
        template,
        shell=shell,
        title=titles[template],
        next=safe_next(next),
        email=email,
        error=error,
        minimum=accounts.MIN_PASSWORD,
        status_code=status,
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, shell: ShellDep, next: str = "/") -> Response:
    """The sign-in form."""
    return _form(request, shell, "login.html", next=next)


@router.post("/login")
async def login(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Sign in; a new session cookie on success."""
    try:
        token = await run_in_threadpool(
            accounts.sign_in,
            accounts_of(store),
            email,
            password,
            client_address(request),
            store.settings.session_days,
        )
    except CloserError as exc:
        return _form(
            request,
            shell,
            "login.html",
            next=next,
            email=email,
            error=exc.message,
            status=exc.status,
        )
    response = RedirectResponse(safe_next(next), status_code=303)
    set_session_cookie(response, request, store, token)
    return response


@router.get("/signup", response_class=HTMLResponse)
def signup_page(request: Request, shell: ShellDep) -> Response:
    """The form to create an account."""
    return _form(request, shell, "signup.html")


@router.post("/signup")
async def signup(
    request: Request,
    store: StoreDep,
    shell: ShellDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Create an account and sign in."""
    try:
        if password != confirm:
            return _form(
                request,
                shell,
                "signup.html",
                email=email,
                error="The two passwords differ.",
                status=422,
            )
        _, token = await run_in_threadpool(
            partial(
                accounts.open_account,
                accounts_of(store),
                email,
                password,
                address=client_address(request),
                days=store.settings.session_days,
            )
        )
    except CloserError as exc:
        return _form(
            request,
            shell,
            "signup.html",
            email=email,
            error=exc.message,
            status=exc.status,
        )
    response = RedirectResponse("/", status_code=303)
    set_session_cookie(response, request, store, token)
    return response


@router.post("/logout")
def logout(request: Request, store: StoreDep) -> Response:
    """Sign out of this browser."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        accounts.sign_out(accounts_of(store), token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/logout-everywhere")
def logout_everywhere(store: StoreDep, owner: OwnerDep) -> Response:
    """Sign out of every browser and device."""
    accounts.sign_out_everywhere(accounts_of(store), owner)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
