"""The bundled knowledge base covers domain.md, and its links and search work."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from closer.adapters.content import bundled_library
from closer.adapters.content_files import (
    _cached_raw,
    read_raw,
    shipped_folder,
    shipped_library,
)
from closer.domain.content import Kind, Library, terms
from closer.domain.errors import NotFound

CAUSES = """fear-of-hurt fear-of-rejection fear-of-abandonment fear-of-unknown
undeserving emotional-distress trauma-attachment fear-of-being-seen
need-for-independence conflict-avoidance not-the-right-time threat-and-control
hidden-payoffs
low-self-awareness privacy-values""".split()

SIGNS = """slow-or-no-reply text-instead-of-meet ghosting breadcrumbing screen-retreat
decline-invitations cancel-last-minute avoid-emotional-talk busy-excuse pull-back-touch
pick-fights find-fault harsh-humour disappear-on-conflict end-when-serious
push-them-first test-them cling reassurance-seeking fawn-then-flee""".split()

STRATEGIES = """notice-urges relationship-journal know-your-story self-compassion
affirmations inner-child confidence past-not-destiny accept-good-gradually
give-up-payoffs small-vulnerability accept-support stay-in-touch honor-commitments
express-appreciation name-the-fear together-agreement let-them-be
professional-help""".split()

REFLECTIONS = """escape-questions time-out-questions know-your-story list-the-payoffs
letter-to-younger-self accept-good-gradually appreciation-for-someone
affirmations""".split()

GROUPS = ["withdrawal", "avoidance", "conflict", "sabotage", "self-focus", "anxious"]


@pytest.fixture(scope="module")
def library() -> Library:
    return bundled_library()


def test_all_fifteen_causes_from_the_domain_model_exist(library: Library) -> None:
    assert list(library.causes) == CAUSES


def test_every_named_sign_and_all_six_groups_exist(library: Library) -> None:
    assert set(SIGNS) <= set(library.signs)
    assert list(library.groups) == GROUPS
    assert all(library.signs_in_group(group) for group in GROUPS)


def test_there_are_enough_strategies_reflections_questions_and_feelings(
    library: Library,
) -> None:
    assert set(STRATEGIES) <= set(library.strategies)
    assert len(library.strategies) >= 25
    assert set(REFLECTIONS) <= set(library.reflections)
    assert len(library.faq) >= 8
    assert len(library.emotions) >= 40
    quadrants = library.emotions_by_quadrant()
    assert len(quadrants) == 4
    assert all(len(words) >= 8 for words in quadrants.values())


def test_every_cause_has_signs_and_at_least_three_strategies(library: Library) -> None:
    for cause in library.causes.values():
        assert len(cause.strategies) >= 3, cause.slug
        assert library.signs_for_cause(cause.slug), cause.slug


def test_the_time_out_page_has_its_own_entry(library: Library) -> None:
    page = library.pages["taking-space"]
    assert len(page.paragraphs) >= 4
    assert "time-out-questions" in page.reflections


def test_reverse_links_agree_with_the_forward_ones(library: Library) -> None:
    for cause in library.causes.values():
        for slug in cause.strategies:
            assert cause in library.causes_for_strategy(slug)
    for sign in library.signs.values():
        for slug in sign.causes:
            assert sign in library.signs_for_cause(slug)


def test_search_finds_words_in_any_form(library: Library) -> None:
    slugs = [hit.entry.slug for hit in library.search("cancelling plans")]
    assert "cancel-last-minute" in slugs
    assert library.search("ghosted")[0].entry.slug == "ghosting"
    assert library.search("the and of") == []
    assert library.search("") == []


def test_search_shows_a_sentence_that_contains_the_words(library: Library) -> None:
    hit = library.search("counsellor")[0]
    assert "counsellor" in hit.snippet.lower()


def test_either_spelling_finds_the_same_pages(library: Library) -> None:
    british = [h.entry.path for h in library.search("counsellor behaviour")]
    assert british
    assert [h.entry.path for h in library.search("counselor behavior")] == british


def test_a_slug_in_two_kinds_is_told_apart_by_its_kind(library: Library) -> None:
    both = library.find("know-your-story")
    assert {e.kind for e in both} == {Kind.STRATEGY, Kind.REFLECTION}
    [one] = library.find("reflections/know-your-story")
    assert one.kind is Kind.REFLECTION
    assert library.find("nothing-here") == []


def test_asking_for_a_missing_entry_says_what_was_asked(library: Library) -> None:
    with pytest.raises(NotFound, match="Learn has no cause called “nope”"):
        library.get(Kind.CAUSE, "nope")


def test_search_terms_drop_stop_words_and_endings() -> None:
    assert terms("Why do I keep cancelling the plans?") == ["keep", "cancel", "plan"]


def test_the_fast_reader_gives_the_same_library_as_the_validating_loader(
    library: Library,
) -> None:
    fast = shipped_library()
    for kind in Kind:
        assert fast.table(kind) == library.table(kind), kind
    assert fast.groups == library.groups


def test_the_parsed_content_is_cached_and_rebuilt_when_a_file_changes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "content"
    shutil.copytree(shipped_folder(), folder)
    cache = tmp_path / "cache"
    cache.mkdir()
    first = _cached_raw(str(folder), str(cache))
    (cached,) = cache.glob("content-*.marshal")
    assert _cached_raw(str(folder), str(cache)) == first == read_raw(str(folder))
    signs = folder / "signs.toml"
    signs.write_text(
        signs.read_text().replace("Texting instead of meeting", "Only texting")
    )
    changed = _cached_raw(str(folder), str(cache))
    assert len(list(cache.glob("content-*.marshal"))) == 2
    assert any(s["name"] == "Only texting" for s in changed["signs"]["sign"])
    assert cached.exists()


def test_an_unwritable_cache_folder_only_means_no_cache(tmp_path: Path) -> None:
    missing = tmp_path / "does-not-exist"
    library = shipped_library(cache_dir=str(missing))
    assert "fear-of-hurt" in library.causes
