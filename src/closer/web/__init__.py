"""The web app: thin FastAPI routes over the services, Jinja2 pages, JSON API."""
