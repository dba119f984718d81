"""The app for ASGI servers: ``uvicorn closer.web.asgi:app --workers 4``.

Configured from the ``CLOSER_*`` environment like everything else; see
docs/deploy.md for a production set-up.
"""

from __future__ import annotations

from closer.web.app import create_app

app = create_app(server=True)
