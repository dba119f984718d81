"""The domain: pure Python objects and rules, with no I/O and no frameworks.

Nothing in this package may import SQLAlchemy, FastAPI, Starlette, httpx or
Typer; ``tests/unit/test_domain_is_pure.py`` fails if it does.
"""
