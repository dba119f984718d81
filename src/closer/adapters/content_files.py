"""Reading the knowledge base's TOML files into domain objects, with the
standard library only.

``closer.adapters.content`` validates the files first (pydantic) and then uses
``library_from_raw`` below, so both produce the same ``Library``. The CLI's
fast path calls ``shipped_library`` directly: the shipped files are validated
by the test suite and on every start of the app.
"""

from __future__ import annotations

import os

from closer.domain.content import (
    Cause,
    Emotion,
    Faq,
    Library,
    Page,
    Prompt,
    PromptInput,
    Reflection,
    Sign,
    SignGroup,
    Strategy,
)

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)
if TYPE_CHECKING:
    from typing import Any

FILES = ("signs", "causes", "strategies", "reflections", "faq", "pages", "emotions")


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return tuple(_clean(v) for v in value)
    return value


def _fields(item: dict[str, Any]) -> dict[str, Any]:
    return {key: _clean(value) for key, value in item.items()}


def _reflection(item: dict[str, Any]) -> Reflection:
    prompts = tuple(
        Prompt(
            text=p["text"].strip(),
            input=PromptInput(p["input"]),
            choices=tuple(c.strip() for c in p.get("choices", ())),
            min=p.get("min"),
            max=p.get("max"),
        )
        for p in item["prompts"]
    )
    return Reflection(
        slug=item["slug"],
        name=item["name"].strip(),
        intro=item["intro"].strip(),
        prompts=prompts,
        strategies=tuple(item.get("strategies", ())),
    )


def _faq(item: dict[str, Any]) -> Faq:
    return Faq(**{"causes": (), "strategies": (), **_fields(item)})


def _page(item: dict[str, Any]) -> Page:
    return Page(**{"strategies": (), "reflections": (), **_fields(item)})


def library_from_raw(raw: dict[str, dict[str, Any]]) -> Library:
    """Domain objects from parsed files (file name without .toml → TOML)."""

    def table(file: str, key: str, build: Any) -> dict[str, Any]:
        return {item["slug"]: build(item) for item in raw[file][key]}

    return Library(
        groups=table("signs", "group", lambda g: SignGroup(**_fields(g))),
        signs=table("signs", "sign", lambda s: Sign(**_fields(s))),
        causes=table("causes", "cause", lambda c: Cause(**_fields(c))),
        strategies=table("strategies", "strategy", lambda s: Strategy(**_fields(s))),
        reflections=table("reflections", "reflection", _reflection),
        faq=table("faq", "faq", _faq),
        pages=table("pages", "page", _page),
        emotions=table("emotions", "emotion", lambda e: Emotion(**_fields(e))),
    )


def read_raw(folder: str) -> dict[str, dict[str, Any]]:
    """Every content file in ``folder``, parsed."""
    import tomllib  # noqa: PLC0415 - skipped when the cache is warm

    raw = {}
    for name in FILES:
        with open(os.path.join(folder, f"{name}.toml"), "rb") as handle:
            raw[name] = tomllib.load(handle)
    return raw


def shipped_folder() -> str:
    """The folder of the content files inside the installed package."""
    import closer.content  # noqa: PLC0415 - a namespace for the data files

    return os.path.dirname(closer.content.__file__)


def shipped_library(cache_dir: str | None = None) -> Library:
    """The shipped content, read without validating it again.

    With ``cache_dir``, the parsed files are kept there in ``marshal`` form, so
    the next start skips importing and running the TOML parser. The cache is
    keyed by the files' sizes and modification times, and rebuilt when any
    changes. It holds only the public content that ships with Closer.
    """
    folder = shipped_folder()
    if cache_dir is None:
        return library_from_raw(read_raw(folder))
    return library_from_raw(_cached_raw(folder, cache_dir))


def _signature(folder: str) -> str:
    parts = []
    for name in FILES:
        info = os.stat(os.path.join(folder, f"{name}.toml"))
        parts.append(f"{info.st_size}-{info.st_mtime_ns}")
    return "-".join(parts)


def _cached_raw(folder: str, cache_dir: str) -> dict[str, dict[str, Any]]:
    import marshal  # noqa: PLC0415 - only here
    import zlib  # noqa: PLC0415

    key = f"{zlib.crc32(_signature(folder).encode()):08x}"
    path = os.path.join(cache_dir, f"content-{key}.marshal")
    try:
        with open(path, "rb") as handle:
            cached: dict[str, dict[str, Any]] = marshal.load(handle)
            return cached
    except (OSError, EOFError, ValueError, TypeError):
        pass
    raw = read_raw(folder)
    try:
        temporary = f"{path}.{os.getpid()}.tmp"
        with open(temporary, "wb") as handle:
            marshal.dump(raw, handle)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only folder only means no cache
    return raw
