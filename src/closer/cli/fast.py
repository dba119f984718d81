"""The CLI's fast path: ``closer moments`` and ``closer log`` without the heavy stack.

Starting the full CLI imports SQLAlchemy, pydantic, Typer and Rich, which costs
more than half a second; a search should cost a few hundredths. So before any
of that is imported, ``closer.cli.run`` offers the command line here. This
module answers only plain ``closer moments [-p NAME] [--since DATE] [-s WORDS]
[--limit N] [--json]`` and ``closer log "TEXT" [-p NAME]... [-u N] [--did SLUG]
[--felt E[:N]]... [--new-person] [--json]`` on the local SQLite store at the
newest schema, using the standard library and the pure domain (the same
validation, safety check and suggestions as the full CLI). It returns None for
anything else (help, another command, another database, a name it does not
know, any invalid value), so that the full CLI runs with all its checks and
messages. ``CLOSER_FAST=0`` turns it off.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from types import ModuleType

from closer.adapters.db.schema import HEAD_REVISION
from closer.domain.local_time import chosen_zone, from_local, local
from closer.paths import local_database_file

TYPE_CHECKING = False  # as typing.TYPE_CHECKING, without importing typing (start-up)

if TYPE_CHECKING:
    from typing import Any

_VALUE_OPTIONS = {"-p": "person", "--person": "person", "--since": "since",
                  "-s": "search", "--search": "search", "--limit": "limit"}  # fmt: skip


def _parse(args: list[str]) -> dict[str, Any] | None:
    options: dict[str, Any] = {"json": False, "limit": "20"}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--json":
            options["json"] = True
        elif arg in _VALUE_OPTIONS and i + 1 < len(args):
            options[_VALUE_OPTIONS[arg]] = args[i + 1]
            i += 1
        else:
            return None  # anything unexpected: the full CLI explains it
        i += 1
    return options


def moments(args: list[str]) -> int | None:
    """``closer moments`` without the heavy imports, or None to step aside."""
    options = _parse(args)
    path = local_database_file()
    if options is None or path is None or not options["limit"].isdigit():
        return None
    limit = int(options["limit"])
    day = None
    if options.get("since"):
        try:  # the start of that day where the person is (read below)
            day = datetime.fromisoformat(options["since"]).replace(tzinfo=None)
        except ValueError:
            return None
    if not 1 <= limit <= 500:
        return None
    from closer.adapters import fast_sqlite  # noqa: PLC0415 - only once we answer

    conn = fast_sqlite.connect(path, HEAD_REVISION)
    if conn is None:
        return None
    try:
        zone = fast_sqlite.chosen_time_zone(conn)
        since = from_local(day, chosen_zone(zone)) if day is not None else None
        person = None
        if options.get("person"):
            person = fast_sqlite.person_id(conn, options["person"])
            if person is None:
                return None
        items, total = fast_sqlite.find(
            conn, person=person, since=since, search=options.get("search"), limit=limit
        )
    finally:
        conn.close()
    _print(items, total, options, zone)
    return 0


def _print(
    items: list[dict[str, Any]], total: int, options: dict[str, Any], zone: str | None
) -> None:
    if options["json"]:
        import json  # noqa: PLC0415 - only when asked for

        data = {"total": total, "items": items}
        sys.stdout.write(
            json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        )
        return
    if not items:
        filtered = (
            options.get("person") or options.get("since") or options.get("search")
        )
        print("No moments match." if filtered else "No moments yet.")
        return
    for m in items:
        who = f" · {', '.join(m['people'])}" if m["people"] else ""
        urge = f" · urge {m['urge']}" if m["urge"] is not None else ""
        when = local(datetime.fromisoformat(m["occurred_at"]), chosen_zone(zone))
        print(f"{when:%Y-%m-%d %H:%M}{who}{urge}")
        print(f"  {m['situation']}")
    if total > len(items):
        print(f"{len(items)} of {total}; use --limit for more.")


_LOG_VALUES = {"-p": "person", "--person": "person", "-u": "urge", "--urge": "urge",
               "--did": "did", "--felt": "felt"}  # fmt: skip
_LOG_MANY = {"person", "felt"}


def _parse_log(args: list[str]) -> dict[str, Any] | None:
    options: dict[str, Any] = {"json": False, "new": False, "person": [], "felt": []}
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--json":
            options["json"] = True
        elif arg == "--new-person":
            options["new"] = True
        elif arg in _LOG_VALUES and i + 1 < len(args):
            key = _LOG_VALUES[arg]
            if key in _LOG_MANY:
                options[key].append(args[i + 1])
            else:
                options[key] = args[i + 1]
            i += 1
        elif not arg.startswith("-"):  # words, quoted or not, are one text
            options["text"] = f"{options['text']} {arg}" if "text" in options else arg
        else:
            return None
        i += 1
    return options if "text" in options else None


class _Deferred(ModuleType):
    """Stands in for a module until something reads from it, then loads it."""

    def __getattr__(self, attr: str) -> Any:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        from importlib import import_module  # noqa: PLC0415 - only on first use

        real = import_module(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, attr)


def _defer_inspect() -> None:
    """Load ``inspect`` only if something reads from it.

    ``dataclasses`` imports ``inspect`` (about a sixth of a quick capture's
    time here) but only calls it for a class without a docstring, and every
    domain class has one (a unit test holds this). Should that ever change,
    the stand-in loads the real module on first use, so nothing breaks.
    """
    if "inspect" not in sys.modules:
        sys.modules["inspect"] = _Deferred("inspect")


def _plain(options: dict[str, Any]) -> bool:
    """Whether the fast path can take these options: a whole-number urge, and a
    CLOSER_MODEL the full CLI would accept (it names a bad one before saving)."""
    urge = options.get("urge")
    if urge is not None and not urge.lstrip("-").isdigit():
        return False
    return os.environ.get("CLOSER_MODEL", "auto") in {"auto", "off"}


def log(args: list[str]) -> int | None:
    """``closer log "text" …`` saved with the standard library and the domain
    only, or None to step aside (any error is left to the full CLI to explain)."""
    options = _parse_log(args)
    path = local_database_file()
    if options is None or path is None or not _plain(options):
        return None
    _defer_inspect()
    from dataclasses import replace  # noqa: PLC0415

    from closer.adapters import fast_sqlite  # noqa: PLC0415
    from closer.adapters.content_files import shipped_library  # noqa: PLC0415
    from closer.domain.errors import CloserError  # noqa: PLC0415
    from closer.domain.moments import new_moment, parse_felt  # noqa: PLC0415
    from closer.domain.suggest import KeywordSuggester  # noqa: PLC0415

    conn = fast_sqlite.connect_for_writing(path, HEAD_REVISION)
    if conn is None:
        return None
    library = shipped_library(cache_dir=os.path.dirname(path))
    saved = False
    try:
        conn.execute("BEGIN IMMEDIATE")
        people = fast_sqlite.people_ids(conn, options["person"], create=options["new"])
        if people is None:
            return None
        moment = new_moment(
            library,
            situation=options["text"],
            occurred_at=datetime.now(UTC),
            people=tuple(pid for pid, _ in people),
            emotions=[parse_felt(f) for f in options["felt"]],
            urge=None if options.get("urge") is None else int(options["urge"]),
            action=options.get("did"),
        )
        moment = replace(moment, person_names=tuple(name for _, name in people))
        moment = replace(moment, id=fast_sqlite.add_moment(conn, moment))
        conn.execute("COMMIT")
        # Saved first, and said so; only then checked, as everywhere else.
        suggestions = KeywordSuggester().suggest(moment, library)
        if not options["json"]:
            _print_saved(moment, suggestions)
        saved = True  # from here on, stepping aside would save it twice
        assessment = _checked(moment.texts())
        if assessment.needs_support and assessment.about is not None:
            level, about = assessment.level.value, assessment.about.value
            fast_sqlite.open_support(conn, level, about, "moment")
    except CloserError:
        if saved:
            raise
        return None
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.close()
    _print_checked(moment, suggestions, assessment, options["json"])
    return 0


def _checked(texts: list[str]) -> Any:
    """The safety check of a saved moment: the same as the full CLI's and the
    web's (rules, and the learned layer unless CLOSER_MODEL=off)."""
    from closer.services.safety import assess_texts, use_learned_layer  # noqa: PLC0415

    setting = os.environ.get("CLOSER_MODEL", "auto")
    if setting == "off":
        use_learned_layer(None)
    else:
        from closer.adapters.safety_model import learned_layer  # noqa: PLC0415

        use_learned_layer(lambda: learned_layer(setting))  # a failure: rules alone
    return assess_texts(texts)


def _print_saved(moment: Any, suggestions: Any) -> None:
    from closer.cli.data import logged_lines  # noqa: PLC0415

    print("\n".join(logged_lines(moment, suggestions)))
    sys.stdout.flush()


def _print_checked(
    moment: Any, suggestions: Any, assessment: Any, as_json: bool
) -> None:
    if as_json:
        import json  # noqa: PLC0415

        from closer.cli.data import logged_data  # noqa: PLC0415

        data = logged_data(moment, suggestions, assessment)
        sys.stdout.write(
            json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
        )
    if assessment.needs_support and not as_json:
        sys.stdout.flush()
        from closer.cli.moments import print_support_for  # noqa: PLC0415 - rare

        print_support_for(assessment)


def try_fast(argv: list[str]) -> int | None:
    """An exit code when the fast path answered, else None."""
    if os.environ.get("CLOSER_FAST", "1") == "0" or argv[:1] not in (
        ["moments"],
        ["log"],
    ):
        return None
    from closer.domain.text import first_unstorable  # noqa: PLC0415

    if any(first_unstorable(arg) is not None for arg in argv):
        return None  # the full CLI says which text cannot be stored
    if argv[0] == "moments":
        return moments(argv[1:])
    if argv[0] == "log":
        return log(argv[1:])
    return None
