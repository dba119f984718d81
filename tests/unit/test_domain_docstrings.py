"""Every domain dataclass documents itself.

Besides helping a reader, this keeps quick capture fast: ``dataclasses`` only
calls ``inspect`` to write a docstring for a class that has none, and the CLI's
fast path defers loading ``inspect`` (closer.cli.fast).
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import closer.domain


def domain_dataclasses() -> list[type]:
    found: list[type] = []
    for info in pkgutil.walk_packages(closer.domain.__path__, "closer.domain."):
        module = importlib.import_module(info.name)
        found += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and dataclasses.is_dataclass(value)
            and value.__module__ == info.name
        ]
    return found


def test_every_domain_dataclass_has_a_docstring_of_its_own() -> None:
    classes = domain_dataclasses()
    assert len(classes) >= 20
    generated = [
        f"{c.__module__}.{c.__qualname__}"
        for c in classes
        if (c.__doc__ or "").startswith(f"{c.__name__}(")
    ]
    assert generated == []
