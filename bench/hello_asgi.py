"""The ceiling for the load test: a bare ASGI app that answers "ok", served
by uvicorn exactly as ``closer serve`` serves Closer (one process, the same
options). ``python -m bench.hello_asgi PORT``"""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import uvicorn

Message = MutableMapping[str, Any]


async def app(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[Message]],
    send: Callable[[Message], Awaitable[None]],
) -> None:
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})  # fmt: skip
    await send({"type": "http.response.body", "body": b"ok"})


def main(port: int) -> None:
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning",
        server_header=False, proxy_headers=False,
    )  # fmt: skip
    uvicorn.Server(config).run()


if __name__ == "__main__":
    main(int(sys.argv[1]))
