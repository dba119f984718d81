"""``closer serve``: run the web app."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from closer.cli.output import console
from closer.config import load_settings
from closer.domain.errors import ConfigurationError


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind the listening socket now, so a busy port is reported clearly."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == 98:  # EADDRINUSE
            reason = "is already in use"
        else:
            reason = f"cannot be used ({exc.strerror})"
        raise ConfigurationError(
            f"Port {port} on {host} {reason}. "
            "Choose another with --port or CLOSER_PORT."
        ) from None
    sock.listen(2048)  # connections made before the app is ready wait, not fail
    sock.set_inheritable(True)
    return sock


def serve_command(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default 127.0.0.1).")
    ] = None,
    port: Annotated[
        int | None, typer.Option(help="Port to listen on (default 8000).")
    ] = None,
) -> None:
    """Start the web app and print its address."""
    # The web stack is imported here, not at the top, so other commands start fast.
    import uvicorn  # noqa: PLC0415

    from closer.web.app import create_app  # noqa: PLC0415
    from closer.web.store import open_at_start  # noqa: PLC0415

    overrides: dict[str, object] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = load_settings(**overrides)
    sock = bind_socket(settings.host, settings.port)
    store = open_at_start(settings)
    app = create_app(settings, store=store, server=True)
    shown_host = f"[{settings.host}]" if ":" in settings.host else settings.host
    console.print(
        f"Closer is running at http://{shown_host}:{settings.port}  (Ctrl+C to stop)"
    )
    if not store.is_open:
        console.print(
            "Open it in your browser to unlock your records, or, the first time, "
            "to choose a passphrase."
        )
    config = uvicorn.Config(
        app, log_level=settings.log_level, server_header=False, proxy_headers=False
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        store.close()
