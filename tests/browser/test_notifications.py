"""Notifications in a real browser, from the keyboard: the bell, opening a notification, marking
everything read, and unsubscribing from an email's link — in English and in French, with axe-core
on every page visited.

The words looked for come from the translation catalogue, so these tests hold before and after
the French strings are written.
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from commonplace.notifications import services
from commonplace.notifications.models import EmailPreference, Notification
from tests.browser.conftest import check_accessibility, click_and_check, log_in_as, visit
from tests.browser.test_foundation import open_refused
from tests.conftest import make_person
from tests.notifications.conftest import MENTION, REPLY, notify_about, registered

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fr"]


@pytest.fixture
def test_kinds():
    with registered(REPLY, MENTION) as both:
        yield both


def words(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "two_unread": ngettext(
                "Notifications, %(counter)s unread", "Notifications, %(counter)s unread", 2
            )
            % {"counter": 2},
            "one_unread": ngettext(
                "Notifications, %(counter)s unread", "Notifications, %(counter)s unread", 1
            )
            % {"counter": 1},
            "none_unread": gettext("Notifications, none unread"),
            "all_read": gettext("All your notifications are marked as read."),
            "turn_off": gettext("Turn off these emails"),
            "off": gettext("These emails are off"),
            "change": gettext("Change this or your other email choices"),
            "broken": gettext("This link does not work"),
        }


def focused(page) -> dict:
    return page.evaluate(
        "() => ({id: document.activeElement.id, href: document.activeElement.getAttribute('href'),"
        " text: document.activeElement.innerText})"
    )


def tab_to(page, wanted, presses: int = 60) -> None:
    """Press Tab until the focused element is the one wanted, as a keyboard user would."""
    for _press in range(presses):
        page.keyboard.press("Tab")
        if wanted(focused(page)):
            return
    raise AssertionError(f"Tab never reached it; ended on {focused(page)}")


def on_the_bell(element: dict) -> bool:
    return element["id"] == "notification-bell"


def press_enter_and_check(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")
    check_accessibility(page)


@pytest.fixture
def told(demo_site, test_kinds):
    """Alice has two unread notifications from Sam: the newest about the About page."""

    def make(language: str):
        alice = make_person("alice@example.org", name="Alice Martin", language=language)
        sam = make_person("sam@example.org", name="Sam Tremblay")
        notify_about([alice], actor=sam, title="Our charter", target_key="topic:1")
        notify_about(
            [alice],
            actor=sam,
            title="Starting a grief café",
            target_key="topic:2/reply:7",
            url_name="core:about",
            url_kwargs={},
            fragment="",
        )
        return alice

    return make


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_reads_their_notifications_with_the_keyboard(page, told, language):
    said = words(language)
    alice = told(language)
    log_in_as(page, alice)
    visit(page, f"/{language}/")
    bell = page.locator("#notification-bell")
    expect(bell).to_have_accessible_name(said["two_unread"])

    tab_to(page, on_the_bell)
    press_enter_and_check(page)
    assert page.url == f"{page.base_url}/{language}/notifications/"
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator(".notification-unread")).to_have_count(2)
    sentences = page.locator(".notification-sentence").all_inner_texts()
    assert "Sam Tremblay replied to “Starting a grief café”" in sentences[0]

    tab_to(
        page, lambda element: bool(re.search(r"/notifications/\d+/open/$", element["href"] or ""))
    )
    assert "Starting a grief café" in focused(page)["text"]
    press_enter_and_check(page)
    assert page.url == f"{page.base_url}/{language}/about/"
    expect(page.locator("#notification-bell")).to_have_accessible_name(said["one_unread"])
    assert Notification.objects.filter(recipient=alice, read_at__isnull=True).count() == 1

    tab_to(page, on_the_bell)
    press_enter_and_check(page)
    expect(page.locator(".notification-unread")).to_have_count(1)
    tab_to(page, lambda element: element["href"] is None and element["id"] == "mark-all-read")
    page.evaluate("window.stayedOnThePage = true")
    page.keyboard.press("Enter")  # htmx swaps the list and the bell in place
    expect(page.locator("#notifications-status")).to_have_text(said["all_read"])
    expect(page.locator(".notification-unread")).to_have_count(0)
    expect(page.locator("#notification-bell")).to_have_accessible_name(said["none_unread"])
    assert page.evaluate("window.stayedOnThePage") is True
    assert focused(page)["id"] == "mark-all-read"  # the keyboard stays where it was
    check_accessibility(page)
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_unsubscribing_from_the_link_in_an_email(page, told, language):
    said = words(language)
    alice = told(language)
    token = services.unsubscribe_token(member=alice, kind=REPLY.key)

    visit(page, f"/{language}/notifications/unsubscribe/{token}/")  # not logged in
    assert REPLY.label in page.locator("main").inner_text()
    assert not EmailPreference.objects.exists()
    button = page.get_by_role("button", name=said["turn_off"])
    button.focus()
    press_enter_and_check(page)
    assert page.get_by_role("heading", level=1).inner_text() == said["off"]
    assert EmailPreference.objects.get(member=alice, kind=REPLY.key).email is False

    open_refused(page, f"/{language}/notifications/unsubscribe/{token[:-4]}/", 400)  # cut short
    assert page.get_by_role("heading", level=1).inner_text() == said["broken"]

    log_in_as(page, alice)
    visit(page, f"/{language}/notifications/unsubscribe/{token}/")
    click_and_check(page, page.get_by_role("button", name=said["turn_off"]))
    click_and_check(page, page.get_by_role("link", name=said["change"]))
    assert page.url == f"{page.base_url}/{language}/notifications/settings/"
    assert not page.get_by_label(REPLY.label).is_checked()
    assert page.get_by_label(MENTION.label).is_checked()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_with_the_bell_fits_320_pixels(page, told, language):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, told(language))
    for path in ["/", "/notifications/", "/notifications/settings/"]:
        visit(page, f"/{language}{path}")
        expect(page.locator("#notification-bell")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{page.url} is {width}px wide at 320px"
