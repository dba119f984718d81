"""The web app's routes: pages and the JSON API."""

import closer.web.ids  # noqa: F401 - the {name:id} path convertor, before any route
