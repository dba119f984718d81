"""People from phones and address books (.vcf): names, nicknames, birthdays."""

from __future__ import annotations

from pathlib import Path

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.db.database import Database
from closer.adapters.importers import ImportFormat, decode, guess_format, read
from closer.domain.errors import InvalidInput
from closer.domain.people import Birthday, Person
from closer.domain.records import Records
from closer.services.imports import import_records
from closer.services.people import add_person

CARDS = Path(__file__).resolve().parents[1] / "data" / "vcard"
LIBRARY = bundled_library()


def cards(name: str) -> Records:
    text = decode((CARDS / name).read_bytes())
    assert guess_format(name, text) is ImportFormat.VCARD
    return read(text, ImportFormat.VCARD, LIBRARY)


def people(database: Database) -> dict[str, Person]:
    with database.unit_of_work() as uow:
        return {p.name: p for p in uow.people.list()}


def test_an_android_card_in_quoted_printable_gives_its_accented_name() -> None:
    records = cards("android-2.1.vcf")
    assert [(p.name, p.birthday) for p in records.people] == [
        ("Élodie Dupont", Birthday(11, 2, 1985))
    ]
    assert records.notes == ("Card 2: it has no name, so it was left out.",)


def test_iphone_cards_give_nicknames_birthdays_without_a_year_and_one_sam() -> None:
    records = cards("iphone-3.0.vcf")
    sam, ngozi = records.people
    assert (sam.name, sam.nickname, sam.birthday) == (
        "Sam Lee",
        "Sammy",
        Birthday(3, 12),
    )
    assert (ngozi.name, ngozi.birthday) == ("Ngozi Okafor", Birthday(2, 29, 1992))
    assert len(records.people) == 2  # "sam lee" on the third card is the same person


def test_a_birthday_that_is_not_a_day_is_left_out_with_a_note() -> None:
    records = cards("contacts-4.0.vcf")
    assert [(p.name, p.nickname, p.birthday) for p in records.people] == [
        ("Ana Lía Torres", "Ani", Birthday(7, 4, 1988)),
        ("Grandpa Joe", "", None),
    ]
    assert "circa 1930" in records.notes[0]
    assert records.notes[0].startswith("Card 2:")


def test_a_name_from_the_structured_name_or_the_organisation_when_fn_is_missing() -> (
    None
):
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Lee;Sam;;;\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nORG:Climbing Club;Wednesdays\nEND:VCARD\n"
    )
    records = read(text, ImportFormat.VCARD, LIBRARY)
    assert [p.name for p in records.people] == ["Sam Lee", "Climbing Club Wednesdays"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEGIN:VCARD\nVERSION:3.0\nFN:Sam\n", "begins on line 1 is never closed"),
        ("BEGIN:VCARD\nFN:Sam\nEND:VCARD\nEND:VCARD\n", "Line 4 ends a card"),
        ("hello, I am not a contact\n", "Line 1 is not part of a contact card"),
        ("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n", "Line 1 is not part"),
        ("\n", "no contact"),
        (
            "BEGIN:VCARD\nFN:A\nEND:VCARD\n\nBEGIN:VCARD\nFN;X\nEND:VCARD\n",
            "Card 2 \\(from line 5\\) is not valid",
        ),
        (f"BEGIN:VCARD\nVERSION:3.0\nFN:{'x' * 101}\nEND:VCARD\n", "Card 1, name"),
    ],
)
def test_a_malformed_file_is_refused_with_a_message_naming_the_problem(
    text: str, expected: str
) -> None:
    with pytest.raises(InvalidInput, match=expected):
        read(text, ImportFormat.VCARD, LIBRARY)


def test_contacts_are_imported_once_and_people_already_here_are_skipped(
    database: Database,
) -> None:
    add_person(
        database.unit_of_work(), "Ngozi Okafor", relationship="friend", notes="from uni"
    )
    report = import_records(
        database.unit_of_work(), cards("iphone-3.0.vcf"), source="vcard"
    )
    assert (report.people_added, report.people_skipped) == (1, 1)
    assert report.people_names == ("Sam Lee",)
    assert "New people: Sam Lee." in report.sentences()
    found = people(database)
    assert (found["Sam Lee"].nickname, found["Sam Lee"].birthday) == (
        "Sammy",
        Birthday(3, 12),
    )
    assert found["Ngozi Okafor"].notes == "from uni"  # never overwritten
    assert found["Ngozi Okafor"].birthday is None
    again = import_records(
        database.unit_of_work(), cards("iphone-3.0.vcf"), source="vcard"
    )
    assert (again.people_added, again.people_skipped) == (0, 2)
    assert len(people(database)) == 2


def read_and_import(database: Database, text: str) -> None:
    records = read(text, ImportFormat.VCARD, LIBRARY)
    import_records(database.unit_of_work(), records, source="vcard")


def test_a_malformed_file_after_good_cards_imports_nobody(database: Database) -> None:
    good = (CARDS / "iphone-3.0.vcf").read_text(encoding="utf-8")
    with pytest.raises(InvalidInput, match="never closed"):
        read_and_import(database, good + "BEGIN:VCARD\r\nFN:Broken\r\n")
    assert people(database) == {}


def test_what_was_left_out_is_reported_after_the_import(database: Database) -> None:
    report = import_records(
        database.unit_of_work(), cards("contacts-4.0.vcf"), source="vcard"
    )
    assert report.people_added == 2
    assert any("circa 1930" in line for line in report.sentences())
