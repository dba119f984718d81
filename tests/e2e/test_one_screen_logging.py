"""Logging a moment on Today fits one screen, on a phone and on a laptop,
with large targets and nothing chosen for the person."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Literal

import httpx2
import pytest
from playwright.sync_api import Locator, Page, expect

from closer.web.rendering import NAVIGATION
from tests.e2e.conftest import NewPage, screenshot
from tests.e2e.test_shell import violations

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
KEYBOARD_OPEN = {"width": 390, "height": 460}  # what a phone keyboard leaves
SCREENS = {"phone": PHONE, "phone-typing": KEYBOARD_OPEN, "laptop": LAPTOP}
TARGET = 44  # px, the smallest comfortable touch target
OPTIONAL_PARTS = (
    "Add more: who, how strong",
    "Pulled away: choose how",
    "More feelings",
)

# Every control a person taps to log a moment.
PRIMARY_CONTROLS = (
    ".site-header a, main summary, main .chip input, "
    "main button[type=submit], main textarea"
)


def _open_every_optional_part(page: Page) -> None:
    for summary in OPTIONAL_PARTS:
        page.locator("summary", has_text=summary).click()


def _fully_in_view(element: Locator, viewport: dict[str, int]) -> bool:
    box = element.bounding_box()
    assert box is not None
    return (
        box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] + box["width"] <= viewport["width"]
    )


@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
def test_today_opens_with_the_text_box_focused_and_save_in_view(
    new_page: NewPage, base_url: str, screen: str
) -> None:
    viewport = SCREENS[screen]
    page = new_page(viewport=viewport)
    page.goto(base_url + "/")
    text_box = page.get_by_label("What happened?")
    save = page.get_by_role("button", name="Save this moment")
    expect(text_box).to_be_focused()
    assert page.evaluate("window.scrollY") == 0
    assert _fully_in_view(text_box, viewport)
    assert _fully_in_view(save, viewport)
    screenshot(page, f"today-one-screen-{screen}")


@pytest.mark.browser
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_control_for_logging_is_at_least_44_pixels_each_way(
    new_page: NewPage, base_url: str, screen: str
) -> None:
    page = new_page(viewport=SCREENS[screen])
    page.goto(base_url + "/")
    _open_every_optional_part(page)
    controls = page.locator(PRIMARY_CONTROLS)
    assert controls.count() > 60  # header, chips for urge, actions, feelings
    too_small = []
    for index in range(controls.count()):
        box = controls.nth(index).bounding_box()
        assert box is not None
        if box["width"] < TARGET or box["height"] < TARGET:
            too_small.append(controls.nth(index).evaluate("e => e.outerHTML")[:80])
    assert too_small == []


@pytest.mark.browser
def test_a_moment_is_saved_with_one_tap_besides_typing(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/")
    page.keyboard.type("Did not answer Lea's call")  # no tap: the box has focus
    page.get_by_role("button", name="Save this moment").click()  # the one tap
    expect(page).to_have_url(re.compile(r"/moments/\d+\?new=true$"))
    expect(page.get_by_text("Did not answer Lea's call").first).to_be_visible()


@pytest.mark.browser
def test_nothing_is_chosen_for_the_person_and_a_tap_can_take_a_choice_back(
    page: Page, base_url: str
) -> None:
    page.goto(base_url + "/")
    _open_every_optional_part(page)
    chosen = page.locator("main input[type=radio]:checked")
    assert chosen.count() == 4  # urge, what you did, feeling, strength
    assert {chosen.nth(i).get_attribute("value") for i in range(4)} == {""}
    anxious = page.locator("#emotion-anxious")
    page.locator("label.chip", has=anxious).click()
    expect(anxious).to_be_checked()
    page.locator("label.chip", has=anxious).click()  # a second tap un-chooses it
    expect(anxious).not_to_be_checked()
    expect(page.locator("#emotion-none")).to_be_checked()
    page.get_by_label("What happened?").fill("Wanted to hide after the party")
    page.get_by_role("button", name="Save this moment").click()
    moment = page.locator("main")
    expect(moment).to_contain_text("Wanted to hide after the party")
    expect(moment).not_to_contain_text("Anxious")


@pytest.mark.browser
def test_chips_save_what_was_tapped(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    page.get_by_label("What happened?").fill("Told Noor I was scared of losing her")
    _open_every_optional_part(page)
    page.locator("label.chip", has=page.locator("#urge-3")).click()
    page.locator("label.chip", has=page.locator("#action-shared-feeling")).click()
    page.locator("label.chip", has=page.locator("#emotion-tender")).click()
    page.locator("label.chip", has=page.locator("#intensity-6")).click()
    page.get_by_role("button", name="Save this moment").click()
    main = page.locator("main")
    expect(main).to_contain_text("Shared a feeling")
    expect(main).to_contain_text("Tender")
    edit = page.url.split("?")[0] + "/edit"
    page.goto(edit)
    for chosen in ("#urge-3", "#action-shared-feeling", "#emotion-tender"):
        expect(page.locator(chosen)).to_be_checked()
    expect(page.locator("#intensity-6")).to_be_checked()
    page.locator("#urge-none").check()  # "Not said" takes a choice back
    page.locator("#action-none").check()
    page.get_by_role("button", name="Save").click()
    expect(page).not_to_have_url(re.compile(r"/edit$"))
    moment_id = edit.split("/")[-2]
    saved = page.request.get(f"{base_url}/api/v1/moments/{moment_id}").json()
    assert (saved["urge"], saved["action"]) == (None, None)
    assert saved["emotions"] == [{"emotion": "tender", "intensity": 6}]


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_logging_form_has_no_wcag_22_aa_violations(
    new_page: NewPage, base_url: str, scheme: Literal["light", "dark"]
) -> None:
    page = new_page(color_scheme=scheme, viewport=PHONE)
    page.goto(base_url + "/")
    _open_every_optional_part(page)
    page.locator("label.chip", has=page.locator("#emotion-calm")).click()
    screenshot(page, f"today-open-{scheme}")
    assert violations(page) == []


LONG_PAGES = (
    *(item.path for item in NAVIGATION),
    "/help",
    "/privacy",
    "/checks",
    "/learn/emotions",
    "/practice/timeouts",
)


@pytest.mark.browser
def test_the_first_view_of_every_main_page_fits_three_phone_screens(
    new_page: NewPage, base_url: str
) -> None:
    with httpx2.Client(base_url=base_url, timeout=30) as http:
        for n in range(12):  # a few weeks of use
            when = datetime.now(UTC) - timedelta(days=2 * n, hours=n)
            http.post(
                "/api/v1/moments",
                json={"situation": f"Kept quiet at dinner, time {n}",
                      "occurred_at": when.isoformat(), "urge": n % 11},
            ).raise_for_status()  # fmt: skip
    page = new_page(viewport=PHONE)
    too_long = {}
    for path in LONG_PAGES:
        page.goto(base_url + path)
        height = page.evaluate("document.documentElement.scrollHeight")
        if height > 3 * PHONE["height"]:
            too_long[path] = height
    assert too_long == {}
