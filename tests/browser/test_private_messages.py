"""Private messages in a real browser, in English and in French, with axe-core on every page
visited and the keyboard doing the work: writing to a member from their page, the recipient
hearing of it, answering in place, and leaving for good; and the pages at 320 pixels."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from commonplace.private_messages import services
from commonplace.private_messages.models import PrivateConversation, PrivateMessage
from tests.browser.conftest import check_accessibility, log_in_as, visit
from tests.browser.test_conversations import (
    assert_no_sideways_scroll,
    bell_name,
    log_in_again,
    press_and_check,
    say,
    site_path,
    speak,
    tab_to,
    visit_status,
)
from tests.conftest import run_tasks
from tests.people.conftest import listed_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fr"]


def messages_link_name(language: str, unread: int) -> str:
    name = say(language, "Messages")
    if unread:
        counted = say(
            language,
            "%(counter)s conversation with unread messages",
            "%(counter)s conversations with unread messages",
            unread,
        )
        name += f" ({counted})"
    return name


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_writes_to_another_who_answers_in_place_and_then_leaves(
    page, demo_site, alice, language
):
    writer = speak(alice, language)
    nadia = speak(listed_member("nadia@example.org", name="Nadia Benali"), language)

    # Alice writes to Nadia from Nadia's page, with the keyboard only.
    log_in_as(page, writer)
    visit(page, f"/{language}/people/{nadia.pk}/")
    tab_to(page, page.get_by_role("link", name=say(language, "Write to %(name)s", name=nadia.name)))
    press_and_check(page)
    assert site_path(page) == f"/{language}/messages/new/?to={nadia.pk}"
    expect(page.get_by_role("checkbox", name="Nadia Benali")).to_be_checked()
    subject = page.get_by_role("textbox", name=say(language, "Subject"))
    tab_to(page, subject)
    page.keyboard.type("Our grief café")
    body = page.get_by_role("textbox", name=say(language, "Your message"))
    tab_to(page, body)
    page.keyboard.type("Could we meet to **compare notes** next week?")
    tab_to(page, page.get_by_role("button", name=say(language, "Send the message")))
    press_and_check(page)

    conversation = PrivateConversation.objects.get()
    assert site_path(page) == f"/{language}/messages/{conversation.pk}/"
    assert page.get_by_role("heading", level=1).inner_text() == "Our grief café"
    assert page.locator("#message-1 .post-body strong").inner_text() == "compare notes"
    expect(page.locator("#messages-link")).to_have_accessible_name(messages_link_name(language, 0))

    # Nadia sees the count in the header and the notification, and opens it.
    log_in_again(page, nadia)
    visit(page, f"/{language}/")
    expect(page.locator("#messages-link")).to_have_accessible_name(messages_link_name(language, 1))
    tab_to(page, page.get_by_role("link", name=bell_name(language, 1)))
    press_and_check(page)
    notice = page.locator(".notification")
    expect(notice).to_have_count(1)
    sentence = say(
        language,
        "%(actor)s wrote to you: “%(title)s”",
        actor="Alice Martin",
        title="Our grief café",
    )
    assert notice.locator(".notification-sentence").inner_text().endswith(sentence)
    tab_to(page, notice.get_by_role("link"))
    press_and_check(page)
    assert site_path(page) == f"/{language}/messages/{conversation.pk}/?page=1#message-1"
    assert "Alice Martin" in page.locator("#message-1 header").inner_text()
    # Read now: the header says so.
    expect(page.locator("#messages-link")).to_have_accessible_name(messages_link_name(language, 0))

    # She answers in place: htmx adds her message without leaving the page.
    messages = page.locator("#message-list > li")
    expect(messages).to_have_count(1)
    answer = page.get_by_role("textbox", name=say(language, "Your message"))
    tab_to(page, answer)
    page.keyboard.type("Yes, Tuesday at ten works for me.")
    tab_to(page, page.get_by_role("button", name=say(language, "Send")))
    page.keyboard.press("Enter")
    expect(messages).to_have_count(2)
    assert site_path(page).startswith(f"/{language}/messages/{conversation.pk}/")
    assert "Tuesday at ten" in page.locator("#message-2 .post-body").inner_text()
    expect(page.get_by_role("textbox", name=say(language, "Your message"))).to_have_value("")
    check_accessibility(page)
    assert PrivateMessage.objects.get(number=2).author == nadia

    run_tasks()
    assert sorted(address for email in mail.outbox for address in email.to) == [
        "alice@example.org",
        "nadia@example.org",
    ]

    # Then she leaves; from then on the conversation does not exist for her.
    tab_to(page, page.get_by_role("button", name=say(language, "Leave the conversation")))
    press_and_check(page)
    assert site_path(page) == f"/{language}/messages/"
    assert page.get_by_role("status").inner_text() == say(
        language,
        "You have left “%(subject)s”. It is no longer in your messages.",
        subject="Our grief café",
    )
    assert page.locator(".private-list").count() == 0
    assert visit_status(page, f"/{language}/messages/{conversation.pk}/") == 404
    assert "Our grief café" not in page.content()
    assert visit_status(page, f"/{language}/messages/{conversation.pk}/m/1/") == 404

    # Alice still has the conversation, and sees that Nadia has gone.
    log_in_again(page, writer)
    visit(page, f"/{language}/messages/{conversation.pk}/")
    assert say(language, "%(name)s has left.", name="Nadia Benali") in page.inner_text("main")


@pytest.mark.parametrize("language", LANGUAGES)
def test_private_message_pages_do_not_scroll_sideways_at_320_pixels(
    page, demo_site, alice, benoit, language
):
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    others = [
        listed_member(f"person{n}@example.org", name=f"Person with a long name {n}")
        for n in range(4)
    ]
    conversation = services.conversation_start(
        author=benoit,
        recipients=[alice, *others],
        subject=f"About {long_word}",
        body=f"See https://example.org/{'a' * 120} and {long_word}.\n\n| a | b | c |\n|---|---|---|\n"
        + f"| {long_word} | {long_word} | {long_word} |",
    )
    services.message_post(conversation=conversation, author=others[0], body=long_word)
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, speak(alice, language))
    for path in [
        f"/{language}/messages/",
        f"/{language}/messages/new/?to={others[1].pk}",
        f"/{language}/messages/{conversation.pk}/",
    ]:
        visit(page, path)
        assert_no_sideways_scroll(page)

    expect(page.locator("#messages-link")).to_have_accessible_name(messages_link_name(language, 0))
