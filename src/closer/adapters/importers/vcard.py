"""vCard files (.vcf) from phones and address books, as people.

Only a name, the nicknames and a birthday are read from each card; phone
numbers, addresses, photos and notes stay in the address book (Closer does
not need them to help someone stay in touch). A card's name is its ``FN``,
else its ``N``, else its ``ORG``. Cards without any name are left out, and
so are birthdays that are not a calendar day (vCard 4 allows "circa 1800"):
each is reported as a note, not an error, because the rest of the file is
fine. A file that is not vCard at all, or is broken, is refused whole.

vCard 2.1 (quoted-printable, as older Android phones write), 3.0 (iOS,
macOS, Google Contacts) and 4.0 are read by ``vobject``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from typing import Any

import vobject

from closer.adapters.importers.common import at
from closer.domain.content import Library
from closer.domain.errors import InvalidInput
from closer.domain.people import Birthday, Person, new_person, parse_birthday
from closer.domain.records import Records


def loads(text: str, library: Library) -> Records:  # noqa: ARG001 - one shape per reader
    """People from a vCard file; a broken file is an error naming its line."""
    people: dict[str, Person] = {}
    notes: list[str] = []
    cards = 0
    for number, card in enumerate(_cards(text), start=1):
        cards += 1
        person, problems = at(f"Card {number}", partial(_person, card))
        notes += [f"Card {number}: {p}" for p in problems]
        if person is None:
            continue
        key = person.name.casefold()
        first = people.get(key)
        people[key] = person if first is None else _merged(first, person)
    if not cards:
        raise InvalidInput("There is no contact (BEGIN:VCARD) in this file.")
    return Records(people=tuple(people.values()), notes=tuple(notes))


def _cards(text: str) -> Iterator[Any]:
    """Each card, read by vobject; anything that cannot be read is an error
    naming the card and the line it starts on."""
    for number, (line, card_text) in enumerate(_split(text), start=1):
        place = f"Card {number} (from line {line})"
        try:
            card = vobject.readOne(card_text, validate=False)
        except vobject.base.ParseError as exc:
            raise InvalidInput(f"{place} is not valid vCard: {_said(exc)}.") from None
        except Exception as exc:  # vobject raises many kinds of error on bad input
            raise InvalidInput(
                f"{place} cannot be read ({type(exc).__name__}: {exc})."
            ) from None
        yield card


def _split(text: str) -> list[tuple[int, str]]:
    """The text of each card with the line it starts on; text outside cards,
    or a card that is never closed, is an error naming the line."""
    cards: list[tuple[int, str]] = []
    depth, start, lines = 0, 0, text.splitlines()
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().upper()
        if line == "BEGIN:VCARD":
            depth, start = depth + 1, start if depth else number
        elif line == "END:VCARD":
            if depth == 0:
                raise InvalidInput(f"Line {number} ends a card that was never begun.")
            depth -= 1
            if depth == 0:
                cards.append((start, "\r\n".join(lines[start - 1 : number]) + "\r\n"))
        elif depth == 0 and line:
            raise InvalidInput(
                f"Line {number} is not part of a contact card (BEGIN:VCARD … "
                "END:VCARD). Import a .vcf file exported from a phone or an "
                "address book."
            )
    if depth:
        raise InvalidInput(f"The card that begins on line {start} is never closed.")
    return cards


def _said(exc: Exception) -> str:
    """vobject's message, without its own line count (which is per card)."""
    message = re.sub(r"^At line \d+:\s*", "", str(exc).strip())
    return message[0].lower() + message[1:] if message else "unreadable"


def _person(card: Any) -> tuple[Person | None, list[str]]:
    """The person on a card (None without a name) and what was left out."""
    name = _name(card)
    if not name:
        return None, ["it has no name, so it was left out."]
    problems: list[str] = []
    birthday: Birthday | None = None
    raw_birthday = _text(card, "bday")
    if raw_birthday:
        try:
            birthday = parse_birthday(raw_birthday)
        except InvalidInput:
            problems.append(
                f"the birthday {raw_birthday!r} of {name} is not a day Closer can "
                "read, so it was left out."
            )
    nicknames = ", ".join(
        dict.fromkeys(
            n for n in _texts(card, "nickname") if n.casefold() != name.casefold()
        )
    )
    return new_person(name, nickname=nicknames[:100], birthday=birthday), problems


def _name(card: Any) -> str:
    formatted = _text(card, "fn")
    if formatted:
        return formatted
    if "n" in card.contents:
        parts = card.n.value
        words = [
            parts.prefix,
            parts.given,
            parts.additional,
            parts.family,
            parts.suffix,
        ]
        joined = " ".join(_flat(w) for w in words if w)
        if joined.strip():
            return joined
    return _text(card, "org")


def _texts(card: Any, key: str) -> list[str]:
    """Every non-empty value of a property, as text."""
    found = []
    for line in card.contents.get(key, []):
        value = _flat(line.value).strip()
        if value:
            found.append(" ".join(value.split()))
    return found


def _text(card: Any, key: str) -> str:
    values = _texts(card, key)
    return values[0] if values else ""


def _flat(value: object) -> str:
    """A property value as one string (lists joined, bytes read as UTF-8)."""
    if isinstance(value, list | tuple):
        return " ".join(_flat(v) for v in value if v)
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput("a name is not readable text.") from None
    return str(value)


def _merged(first: Person, later: Person) -> Person:
    """Two cards with one name: the first, completed by the second."""
    return replace(
        first,
        nickname=first.nickname or later.nickname,
        birthday=first.birthday or later.birthday,
    )
