"""The FastAPI application factory."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.telemetry import TelemetryConfig
from starlette.middleware.trustedhost import TrustedHostMiddleware

from closer import __version__
from closer.adapters.checks_content import bundled_checks
from closer.adapters.content import bundled_library, bundled_step_ideas
from closer.adapters.crisis_lines import bundled_directory
from closer.adapters.db.database import Database
from closer.config import Settings, load_settings
from closer.services.safety import use_learned_layer
from closer.web.dependencies import warm_up
from closer.web.errors import install_error_handlers
from closer.web.input_guard import InputGuardMiddleware
from closer.web.rendering import STATIC_DIR
from closer.web.routes import (
    account,
    api,
    api_account,
    api_calendar,
    api_checks,
    api_contacts,
    api_data,
    api_insights,
    api_learn,
    api_meaning,
    api_moments,
    api_people,
    api_practice,
    api_reflections,
    api_safety,
    api_store,
    api_thoughts,
    api_timeouts,
    ask,
    checks,
    help,
    insights,
    learn,
    lock,
    messages,
    moments,
    offline,
    pages,
    people,
    practice,
    privacy,
    reflections,
    safety,
    thoughts,
    timeouts,
)
from closer.web.security import SecurityHeadersMiddleware, refuse_cross_site
from closer.web.store import StoreHolder, open_at_start

# Every router, in the order routes are matched (static paths before ones
# with an id come first within each module). Matching is a scan in this
# order, so moments, the path taken most (many times a day, and by a phone
# replaying its offline queue), come first; no two modules share a path.
ROUTERS = (
    api_moments, moments, api_people, api, api_safety, api_learn, api_store, api_data,
    api_practice, api_reflections, api_thoughts, api_timeouts, pages, help, safety,
    learn, people, reflections, thoughts, timeouts, practice, lock, privacy,
    account, api_account, api_calendar, api_contacts, api_checks, checks, insights,
    api_insights, api_meaning, ask, messages, offline,
)  # fmt: skip


logger = logging.getLogger(__name__)

# A form or a JSON body (a moment is a few hundred bytes); counted as the
# bytes arrive, before anything is parsed (web.input_guard).
MAX_BODY_BYTES = 1024 * 1024

# FastAPI records OpenTelemetry spans, metrics and logs of every request (and
# exports them when FASTAPI_OTEL_AUTO_CONFIGURE=true and an OTLP endpoint are
# set). Nothing about a person's requests may leave the machine: all off.
NO_TELEMETRY: TelemetryConfig = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def _settle_heap() -> None:
    """Move everything alive now (modules, content, the store, the app) out of
    the cyclic garbage collector's sight: it would otherwise walk all of it
    on every full collection, which under load cost about a sixth of a logged
    moment's CPU and set the slowest answers (docs/decisions.md, D32)."""
    gc.collect()
    gc.freeze()


def _use_model(
    app: FastAPI, settings: Settings, *, settle: bool = False
) -> threading.Thread | None:
    """When the model is on: put the learned layer behind the safety check and
    warm both models (the safety model, and the ml extra's when installed) in
    a background thread, so start-up never waits for them and the first
    person to use them barely does. ``app.state.warmed`` is set once that is
    done (at once without a model). Returns the warming thread, which shutting
    down waits for: leaving while a model loads would abort the process."""
    from closer.adapters.embeddings import embedder_for  # noqa: PLC0415
    from closer.adapters.safety_model import learned_layer_for  # noqa: PLC0415

    embedder = embedder_for(settings)
    layer = learned_layer_for(settings)
    use_learned_layer(layer)
    app.state.warmed = warmed = threading.Event()
    if embedder is None and layer is None:
        warmed.set()
        return None

    def warm() -> None:
        try:
            warm_up(embedder, layer)
        except Exception:
            logger.exception("Warming the on-device models failed")
        finally:
            if settle:
                _settle_heap()  # the models and their sentences live as long
            warmed.set()

    thread = threading.Thread(target=warm, name="closer-warm-up", daemon=True)
    thread.start()
    return thread


def create_app(
    settings: Settings | None = None,
    *,
    database: Database | None = None,
    store: StoreHolder | None = None,
    server: bool = False,
) -> FastAPI:
    """Build the app. The store is opened on start-up unless one is passed in
    (an open ``database``, or a ``store`` prepared by ``closer serve``).
    ``server``: this process is a server (``closer serve``, the ASGI module)
    and its heap at start-up lives as long as it does (see ``_settle_heap``)."""
    resolved = settings or load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Load the bundled content now: it fails at start, not on a request,
        # and no request's event loop waits for files to be read.
        bundled_directory()
        bundled_library()
        bundled_checks()
        bundled_step_ideas()
        if store is not None:
            app.state.store = store
        elif database is not None:
            app.state.store = StoreHolder(resolved, database)
        else:
            app.state.store = open_at_start(resolved)
        warming = _use_model(app, resolved, settle=server)
        if server:
            _settle_heap()
        try:
            yield
        finally:
            if warming is not None:
                warming.join()
            app.state.store.close()
            use_learned_layer(None)

    app = FastAPI(
        title="Closer",
        version=__version__,
        summary="Notice the urge to push people away, and practise staying close.",
        openapi_url=f"{api.API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(refuse_cross_site)],
        telemetry=NO_TELEMETRY,
    )
    app.state.settings = resolved
    app.add_middleware(
        InputGuardMiddleware,
        body_limit=MAX_BODY_BYTES,
        import_limit=resolved.import_max_mb * 1024 * 1024,
    )
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=resolved.trusted_hosts)
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for module in ROUTERS:
        app.include_router(module.router)
    app.include_router(ask.api_router)
    app.include_router(messages.api_router)
    return app
