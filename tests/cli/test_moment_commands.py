"""closer log, closer moments and closer person, on SQLite and PostgreSQL."""

from __future__ import annotations

from typer.testing import CliRunner

from closer.cli.main import app
from tests.cli.conftest import Invoke, json_of


def test_log_with_only_text_saves_a_moment(invoke: Invoke) -> None:
    result = invoke("log", "Left the party without saying goodbye")
    assert result.exit_code == 0
    assert "Saved as moment " in result.stdout
    items = json_of(invoke("moments", "--json"))["items"]
    assert [m["situation"] for m in items] == ["Left the party without saying goodbye"]


def test_words_after_log_need_no_quotes(invoke: Invoke) -> None:
    result = invoke("log", "I", "ghosted", "Maya", "-u", "6", "again")
    assert result.exit_code == 0, result.output
    (moment,) = json_of(invoke("moments", "--json"))["items"]
    assert moment["situation"] == "I ghosted Maya again"
    assert moment["urge"] == 6


def test_log_with_every_option_as_json(invoke: Invoke) -> None:
    invoke("person", "add", "Sam", "--relationship", "friend")
    args = ["log", "Sam asked to meet and I said I was busy", "-p", "sam", "-u", "7",
            "--did", "busy-excuse", "--felt", "anxious:6", "--felt", "tired",
            "--json"]  # fmt: skip
    data = json_of(invoke(*args))
    moment = data["moment"]
    assert moment["people"] == ["Sam"]
    assert moment["urge"] == 7
    assert moment["action"] == "busy-excuse"
    assert moment["emotions"] == [
        {"emotion": "anxious", "intensity": 6},
        {"emotion": "tired", "intensity": None},  # no strength given: none saved
    ]
    assert data["suggestions"]["causes"]
    assert data["support"] is None


def test_log_says_where_it_happened_and_refuses_a_place_it_does_not_know(
    invoke: Invoke,
) -> None:
    saved = json_of(invoke("log", "Left the call early", "--where", "call", "--json"))
    assert saved["moment"]["channel"] == "call"
    listed = json_of(invoke("moments", "--json"))["items"]
    assert [m["channel"] for m in listed] == ["call"]
    refused = invoke("log", "Ignored a text", "--where", "pigeon")
    assert refused.exit_code == 1
    assert "Where it happened must be one of in-person" in refused.output
    spaced = json_of(invoke("log", "Went quiet online", "--where", "Social media",
                            "--json"))  # fmt: skip
    assert spaced["moment"]["channel"] == "social-media"
    assert len(json_of(invoke("moments", "--json"))["items"]) == 2


def test_a_misspelt_name_gets_a_suggestion_and_nothing_is_saved(invoke: Invoke) -> None:
    invoke("person", "add", "Samira")
    result = invoke("log", "Ignored her call", "-p", "Samria")
    assert result.exit_code == 1
    assert "Did you mean Samira?" in result.stderr
    assert json_of(invoke("moments", "--json"))["total"] == 0


def test_new_person_adds_unknown_names(invoke: Invoke) -> None:
    invoke("log", "Coffee with Bea, stayed the whole time", "-p", "Bea", "--new-person",
           "--did", "stayed")  # fmt: skip
    people = json_of(invoke("person", "list", "--json"))
    assert [p["name"] for p in people] == ["Bea"]
    assert people[0]["last_moment_at"] is not None


def test_bad_values_give_one_error_line(invoke: Invoke) -> None:
    for args, words in [
        (["log", "x", "-u", "12"], "Urge must be between 0 and 10"),
        (["log", "x", "--did", "sulked"], "must be an approach"),
        (["log", "x", "--felt", "sad:loud"], "such as: anxious 7"),
        (["log", "x", "--felt", "meh"], "does not know the feeling 'meh'"),
        (["moments", "--since", "yesterday"], "Use a date like"),
    ]:
        result = invoke(*args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("Error: ")
        assert words in result.stderr


def test_log_without_text_asks_the_questions(invoke: Invoke) -> None:
    answers = "Skipped the call with Jo\nJo\n6\nslow-or-no-reply\nlonely:5\n"
    result = CliRunner().invoke(app, ["log"], input=answers)
    assert result.exit_code == 0, result.output
    item = json_of(invoke("moments", "--json"))["items"][0]
    assert item["situation"] == "Skipped the call with Jo"
    assert item["people"] == ["Jo"]
    assert item["urge"] == 6
    assert item["emotions"] == [{"emotion": "lonely", "intensity": 5}]


def test_moments_filters_by_person_date_and_words(invoke: Invoke) -> None:
    invoke("log", "Missed climbing with Jo", "-p", "Jo", "--new-person")
    invoke("log", "Cancelled dinner with Ana", "-p", "Ana", "--new-person")
    by_person = json_of(invoke("moments", "--person", "jo", "--json"))
    assert [m["situation"] for m in by_person["items"]] == ["Missed climbing with Jo"]
    found = json_of(invoke("moments", "--search", "dinner", "--json"))
    assert [m["situation"] for m in found["items"]] == ["Cancelled dinner with Ana"]
    future = json_of(invoke("moments", "--since", "2999-01-01", "--json"))
    assert future["total"] == 0
    assert "No moments match." in invoke("moments", "--search", "zyxwv").stdout


def test_person_show_lists_their_moments(invoke: Invoke) -> None:
    invoke(
        "person", "add", "Ana", "--relationship", "partner", "--now", "4", "--want", "9"
    )
    invoke("log", "Told Ana I was scared", "-p", "Ana", "--did", "named-the-fear")
    data = json_of(invoke("person", "show", "ana", "--json"))
    assert data["closeness_wanted"] == 9
    assert data["moment_count"] == 1
    assert data["moments"][0]["action"] == "named-the-fear"
    text = invoke("person", "show", "Ana").stdout
    assert "Close now: 4 · would like: 9" in text


def test_a_duplicate_person_is_refused(invoke: Invoke) -> None:
    invoke("person", "add", "Jo")
    result = invoke("person", "add", "JO")
    assert result.exit_code == 1
    assert "already have someone called Jo" in result.stderr


def test_worrying_words_print_the_support_after_saving(invoke: Invoke) -> None:
    result = invoke("log", "Cancelled again and honestly I want to die")
    shown = " ".join(result.stdout.split())
    assert "Saved as moment " in shown
    assert "It sounds like things are really hard right now" in shown


def test_worrying_notes_on_a_new_person_print_the_support(invoke: Invoke) -> None:
    result = invoke("person", "add", "Ray", "--notes", "Ray said he wants to die")
    shown = " ".join(result.stdout.split())
    assert "Added Ray." in shown
    assert "someone you care about may be in danger" in shown


def test_text_with_a_control_character_is_refused_and_nothing_saved(
    invoke: Invoke,
) -> None:
    for args in (["log", "I left\x01"], ["person", "add", "Jo\x1b"],
                 ["log", "fine", "-p", "Sam\x7f", "--new-person"],
                 ["log", "bad\x02", "-p", "Zed", "--new-person"]):  # fmt: skip
        result = invoke(*args)
        assert result.exit_code == 1, (args, result.output)
        assert result.stderr.startswith("Error: ")
        assert "invisible control character" in result.stderr
    assert json_of(invoke("moments", "--json"))["total"] == 0
    assert json_of(invoke("person", "list", "--json")) == []
