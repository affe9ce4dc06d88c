"""Conversations in a real browser: asking and answering, mentioning, following a space,
reading what is new, flagging and moderating, private spaces, narrow screens and hostile
input — in English and in French, with axe-core on every page visited and the keyboard doing
the main path of each journey.

Expected wording comes from the catalogue at run time (``say``), so the tests follow the
French translation as it is compiled; they also assert on structure (sections, anchors, roles,
classes) that does not depend on the wording.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation
from playwright.sync_api import expect

from commonplace.conversations import services
from commonplace.conversations.models import Flag, Reply, Space, Topic
from commonplace.core.selectors import community_name
from commonplace.notifications.models import Notification
from commonplace.people.models import Contribution
from tests.browser.conftest import check_accessibility, log_in_as, visit
from tests.conftest import make_person, run_tasks
from tests.people.conftest import listed_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fr"]
XSS_PAYLOADS = Path(__file__).resolve().parents[3] / "shared" / "data" / "xss-payloads.txt"


# Helpers --------------------------------------------------------------------------------------


def say(language: str, message: str, plural: str | None = None, count: int = 1, **values) -> str:
    """What the site shows for ``message`` in ``language``, as a screen reader reads it
    (markup such as a visually hidden span dropped, its text kept)."""
    with translation.override(language):
        text = (
            translation.ngettext(message, plural, count) if plural else translation.gettext(message)
        )
    if plural:
        values.setdefault("counter", count)
    if values:
        text = text % values
    return re.sub(r"<[^>]+>", "", text)


def speak(person, language: str):
    """Members land in their own language, so the persona speaks the language under test."""
    person.language = language
    person.save(update_fields=["language"])
    return person


def is_focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, limit: int = 120) -> None:
    """Press Tab until ``locator`` has the focus, as a keyboard user would."""
    locator.wait_for(state="attached")
    for _press in range(limit):
        page.keyboard.press("Tab")
        if is_focused(locator):
            return
    raise AssertionError(f"Tab never reached {locator}")


def press_and_check(page, key: str = "Enter") -> None:
    """Press a key that loads a page (a link, a form's button), then run axe on what arrives."""
    with page.expect_navigation():
        page.keyboard.press(key)
    check_accessibility(page)


def visit_status(page, path: str) -> int:
    """Open ``path``, run axe on whatever page answers, and return its HTTP status."""
    problems = page.script_problems  # type: ignore[attr-defined]
    before = len(problems)
    response = page.goto(page.base_url + path)  # type: ignore[attr-defined]
    check_accessibility(page)
    if response.status == 404:
        # The browser reports the 404 it was sent to on purpose; anything else still counts.
        problems[before:] = [
            problem for problem in problems[before:] if "status of 404" not in problem
        ]
    return response.status


def log_in_again(page, person) -> None:
    page.context.clear_cookies()
    log_in_as(page, person)


def site_path(page) -> str:
    return page.url.removeprefix(page.base_url)  # type: ignore[attr-defined]


def bell_name(language: str, unread: int) -> str:
    if not unread:
        return say(language, "Notifications, none unread")
    return say(
        language,
        "Notifications, %(counter)s unread",
        "Notifications, %(counter)s unread",
        unread,
    )


def assert_no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    # Name the elements that stick out, so a failure says what to fix.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 320)
            .slice(0, 5)
            .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""
    )
    assert width <= 320, f"{page.url} is {width}px wide at 320px: {wide}"


def topic_path(language: str, topic: Topic) -> str:
    return f"/{language}/conversations/{topic.space.slug}/{topic.pk}-{topic.slug}/"


def post_reply_with_keyboard(page, language: str, text: str) -> None:
    """Write a reply in the topic page's form and post it with Enter; htmx adds it in place."""
    replies = page.locator("#reply-list > li")
    before = replies.count()
    body = page.get_by_role("textbox", name=say(language, "Your reply"))
    tab_to(page, body)
    body.fill(text)
    tab_to(page, page.get_by_role("button", name=say(language, "Post the reply")))
    page.keyboard.press("Enter")
    expect(replies).to_have_count(before + 1)
    check_accessibility(page)


@pytest.fixture
def space(demo_site, sam):
    return services.space_save(
        space=Space(
            name_en="Caregiver networks",
            name_fr="Réseaux d'aidants",
            description_en="Networks that keep caregivers from carrying it alone.",
            description_fr="Des réseaux pour que les proches aidants ne portent pas tout seuls.",
        ),
        steward=sam,
    )


# 1. A question, its answer, and the answer accepted --------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_asks_another_answers_and_the_asker_accepts_the_answer(
    page, space, alice, benoit, language
):
    alice, benoit = speak(alice, language), speak(benoit, language)
    log_in_as(page, alice)
    visit(page, f"/{language}/conversations/")
    tab_to(
        page, page.get_by_role("link", name=space.name_en if language == "en" else space.name_fr)
    )
    press_and_check(page)
    assert site_path(page) == f"/{language}/conversations/{space.slug}/"

    tab_to(page, page.get_by_role("link", name=say(language, "Ask a question")))
    press_and_check(page)
    question_choice = page.locator("input[name=kind][value=question]")
    assert question_choice.is_checked()  # ?kind=question chose it already
    title = page.get_by_role("textbox", name=say(language, "Title"))
    tab_to(page, title)
    page.keyboard.type("How do you recruit volunteer drivers?")
    body = page.get_by_role("textbox", name=say(language, "Text"))
    tab_to(page, body)
    page.keyboard.type("We need drivers for appointments in rural areas.")
    tab_to(page, page.get_by_role("button", name=say(language, "Post the topic")))
    press_and_check(page)

    topic = Topic.objects.get()
    assert topic.kind == Topic.Kind.QUESTION
    assert topic.author == alice
    assert site_path(page) == topic_path(language, topic)
    assert page.get_by_role("heading", level=1).inner_text() == (
        f"{say(language, 'Question')} How do you recruit volunteer drivers?"
    )

    # Benoît answers, in his own session.
    log_in_again(page, benoit)
    visit(page, topic_path(language, topic))
    post_reply_with_keyboard(page, language, "Our **library** lends its volunteer list.")
    reply = Reply.objects.get(topic=topic)
    assert reply.author == benoit
    assert reply.number == 1
    assert "library" in page.locator("#reply-1 .post-body strong").inner_text()
    assert page.locator(".accepted-answer").count() == 0
    # Only the asker (or a moderator) may accept.
    assert page.locator("#reply-1 form[action$='/accept/']").count() == 0

    # Alice comes back and accepts it.
    log_in_again(page, alice)
    visit(page, topic_path(language, topic))
    accept = page.get_by_role(
        "button",
        name=f"{say(language, 'Accept as the answer')} — {say(language, 'reply %(number)s', number=1)}",
    )
    tab_to(page, accept)
    press_and_check(page)

    assert page.url.endswith("#reply-1")
    assert page.get_by_role("status").inner_text() == say(
        language, "This reply is now shown as the answer."
    )
    answer = page.get_by_role("region", name=say(language, "Accepted answer"))
    assert answer.evaluate("section => section.classList.contains('accepted-answer')")
    assert answer.get_by_role("heading", level=2).inner_text() == say(language, "Accepted answer")
    assert "Benoît Gagnon" in answer.locator(".meta").inner_text()
    assert answer.locator(".prose").inner_text() == "Our library lends its volunteer list."
    # The answer sits between the question and the replies.
    assert page.evaluate(
        """() => {
            const question = document.querySelector('article.topic');
            const answer = document.querySelector('section.accepted-answer');
            const replies = document.querySelector('section.replies');
            return Boolean(question.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING)
                && Boolean(answer.compareDocumentPosition(replies) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    )
    assert "reply-accepted" in page.locator("#reply-1").get_attribute("class")
    assert page.locator("#reply-1 header").inner_text().endswith(say(language, "Accepted answer"))
    assert page.get_by_role("heading", level=1).inner_text().startswith(say(language, "Answered"))

    topic.refresh_from_db()
    assert topic.accepted_reply == reply
    contribution = Contribution.objects.get(member=benoit)
    assert contribution.kind == Contribution.Kind.ACCEPTED_ANSWER
    assert contribution.title == "How do you recruit volunteer drivers?"


# 2. Mentioning someone ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_mention_chosen_with_the_keyboard_reaches_the_member_who_follows_it_to_the_reply(
    page, space, alice, language
):
    alice = speak(alice, language)
    nadia = speak(listed_member("nadia@example.org", name="Nadia Benali"), language)
    topic = services.topic_start(
        space=space, author=alice, title="Respite weekends", body="Who has run one?"
    )
    log_in_as(page, alice)
    visit(page, topic_path(language, topic))

    body = page.get_by_role("textbox", name=say(language, "Your reply"))
    tab_to(page, body)
    page.keyboard.type("Ask @Na")
    names = page.get_by_role("listbox", name=say(language, "Members you can mention"))
    expect(names).to_be_visible()
    option = names.get_by_role("option", name="Nadia Benali")
    expect(option).to_have_attribute("aria-selected", "true")
    assert body.get_attribute("aria-activedescendant") == option.get_attribute("id")
    check_accessibility(page)  # with the list of names open
    page.keyboard.press("Enter")
    expect(names).to_be_hidden()
    assert is_focused(body)
    page.keyboard.type("about it, she ran three.")
    link = f"[@Nadia Benali](/{language}/people/{nadia.pk}/)"
    assert body.input_value() == f"Ask {link} about it, she ran three."
    tab_to(page, page.get_by_role("button", name=say(language, "Post the reply")))
    page.keyboard.press("Enter")
    expect(page.locator("#reply-1 .post-body a")).to_have_text("@Nadia Benali")
    check_accessibility(page)

    # Nadia sees it in the bell and follows the notification to the reply.
    log_in_again(page, nadia)
    visit(page, f"/{language}/conversations/")
    bell = page.get_by_role("link", name=bell_name(language, 1))
    expect(bell).to_be_visible()
    tab_to(page, bell)
    press_and_check(page)
    assert site_path(page) == f"/{language}/notifications/"
    sentence = say(
        language,
        "%(actor)s mentioned you in “%(title)s”",
        actor="Alice Martin",
        title="Respite weekends",
    )
    notice = page.get_by_role("link", name=re.compile(re.escape(sentence) + "$"))
    tab_to(page, notice)
    press_and_check(page)
    assert site_path(page) == topic_path(language, topic) + "#reply-1"
    assert page.evaluate("document.querySelector(':target').id") == "reply-1"
    mention = page.locator("#reply-1 .post-body a")
    assert mention.inner_text() == "@Nadia Benali"
    assert mention.get_attribute("href") == f"/{language}/people/{nadia.pk}/"
    expect(page.get_by_role("link", name=bell_name(language, 0))).to_be_visible()


# 3. Following a space -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_follower_of_a_space_is_emailed_about_a_new_topic_in_their_language(
    page, space, alice, benoit, smtp, language
):
    smtp.start()
    follower = speak(benoit, language)
    log_in_as(page, follower)
    visit(page, f"/{language}/conversations/{space.slug}/")
    tab_to(page, page.get_by_role("button", name=say(language, "Follow this space")))
    press_and_check(page)
    assert page.get_by_role("status").inner_text() == say(
        language, "You will hear about new topics in this space."
    )
    expect(
        page.get_by_role("button", name=say(language, "Stop following this space"))
    ).to_be_visible()

    # Alice, who writes in English, starts a topic there.
    log_in_again(page, speak(alice, "en"))
    visit(page, f"/en/conversations/{space.slug}/")
    tab_to(page, page.get_by_role("link", name="Start a topic"))
    press_and_check(page)
    tab_to(page, page.get_by_role("textbox", name="Title"))
    page.keyboard.type("A grief café in the library")
    tab_to(page, page.get_by_role("textbox", name="Text"))
    page.keyboard.type("We start in March, on Tuesdays.")
    tab_to(page, page.get_by_role("button", name="Post the topic"))
    press_and_check(page)
    topic = Topic.objects.get()
    assert topic.kind == Topic.Kind.DISCUSSION

    assert smtp.messages == []  # nothing slow in the request
    run_tasks()
    [(_sender, recipients, message)] = smtp.messages
    assert recipients == [follower.email]
    sentence = say(
        language,
        "%(actor)s started “%(title)s”",
        actor="Alice Martin",
        title="A grief café in the library",
    )
    with translation.override(language):
        community = community_name()
    assert message["Subject"] == f"[{community}] {sentence}"
    text = message.get_content()
    assert say(language, "Read it on the site:") in text
    assert "We start in March, on Tuesdays." in text
    link = f"{settings.SITE_URL}/{language}/conversations/t/{topic.pk}/"
    assert link in text.split()

    # The link opens the topic for the follower.
    log_in_again(page, follower)
    visit(page, link.removeprefix(settings.SITE_URL))
    assert site_path(page) == topic_path(language, topic)
    assert page.get_by_role("heading", level=1).inner_text() == "A grief café in the library"


# 4. Reading what is new ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_topic_list_counts_unread_replies_and_jumps_to_the_first_of_them(
    page, space, alice, benoit, sam, language
):
    reader = speak(benoit, language)
    topic = services.topic_start(
        space=space, author=alice, title="Training new volunteers", body="What works?"
    )
    services.reply_post(topic=topic, author=sam, body="Shadowing an experienced volunteer.")
    log_in_as(page, reader)
    visit(page, topic_path(language, topic))  # read up to reply 1
    # Up to date: no "unread" and no jump link.
    visit(page, f"/{language}/conversations/{space.slug}/")
    assert page.locator(".topic-row .unread").count() == 0

    services.reply_post(topic=topic, author=alice, body="Second: a short handbook.")
    services.reply_post(topic=topic, author=sam, body="Third: a buddy for the first month.")
    visit(page, f"/{language}/conversations/{space.slug}/")
    unread = page.locator(".topic-row a.unread")
    two_unread = say(language, "%(counter)s unread", "%(counter)s unread", 2)
    assert unread.locator("strong").inner_text() == two_unread
    assert "topic-unread" in page.locator(".topic-row").get_attribute("class")
    tab_to(page, page.get_by_role("link", name=f"{two_unread} — Training new volunteers"))
    press_and_check(page)
    assert site_path(page) == topic_path(language, topic) + "#reply-2"
    assert page.evaluate("document.querySelector(':target').id") == "reply-2"
    assert "Second: a short handbook." in page.locator("#reply-2").inner_text()

    # Read now: the list says so.
    visit(page, f"/{language}/conversations/{space.slug}/")
    assert page.locator(".topic-row .unread").count() == 0

    # On the topic page itself, the jump link goes to the first new reply too.
    services.reply_post(topic=topic, author=alice, body="Fourth: a thank-you evening.")
    services.reply_post(topic=topic, author=sam, body="Fifth: ask them what they need.")
    visit(page, topic_path(language, topic))
    jump = page.get_by_role("link", name=say(language, "Jump to the first reply you have not read"))
    tab_to(page, jump)
    press_and_check(page)
    assert page.url.endswith("#reply-4")
    assert page.evaluate("document.querySelector(':target').id") == "reply-4"


# 5. Flagging and hiding a reply -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_flagged_reply_hidden_by_a_steward_disappears_and_its_author_is_told(
    page, space, alice, benoit, sam, language
):
    author = speak(benoit, language)
    flagger = speak(alice, language)
    steward = speak(sam, language)
    other = make_person("carol@example.org", name="Carol Singh", language=language)
    topic = services.topic_start(
        space=space, author=flagger, title="Fundraising ideas", body="What has worked?"
    )
    services.reply_post(topic=topic, author=steward, body="A walk-a-thon, every spring.")
    services.reply_post(topic=topic, author=author, body="Buy my miracle vitamins today!")

    log_in_as(page, flagger)
    visit(page, topic_path(language, topic))
    flag_link = page.get_by_role(
        "link",
        name=f"{say(language, 'Flag')} — {say(language, 'reply %(number)s', number=2)}",
    )
    tab_to(page, flag_link)
    press_and_check(page)
    assert site_path(page) == f"/{language}/conversations/t/{topic.pk}/r/2/flag/"
    reasons = page.get_by_role("radio")
    tab_to(page, reasons.first)
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.get_by_role("radio", name=say(language, "Spam or advertising")).is_checked()
    tab_to(page, page.get_by_role("button", name=say(language, "Send to the moderators")))
    press_and_check(page)
    assert page.url.endswith("#reply-2")
    assert page.get_by_role("status").inner_text() == say(
        language, "Thank you. A moderator will look at it."
    )
    flag = Flag.objects.get()
    assert (flag.reason, flag.reporter, flag.reply.number) == ("spam", flagger, 2)

    log_in_again(page, steward)
    visit(page, f"/{language}/conversations/moderation/")
    waiting = page.locator("section.flag")
    assert waiting.count() == 1
    assert "Buy my miracle vitamins today!" in waiting.locator("blockquote").inner_text()
    assert say(language, "Spam or advertising") in waiting.inner_text()
    tab_to(page, waiting.get_by_role("button", name=say(language, "Hide the post")))
    press_and_check(page)
    assert site_path(page) == f"/{language}/conversations/moderation/"
    assert page.get_by_role("status").inner_text() == say(
        language, "The post is hidden and its author has been told."
    )
    assert page.locator("section.flag").count() == 0
    flag.refresh_from_db()
    assert flag.outcome == Flag.Outcome.HIDDEN

    # Other members no longer see it, by any way in.
    log_in_again(page, other)
    visit(page, topic_path(language, topic))
    assert "miracle vitamins" not in page.locator("main").inner_text()
    assert page.locator("#reply-2").count() == 0
    assert page.locator("#reply-1").is_visible()
    visit(page, f"/{language}/conversations/t/{topic.pk}/r/2/")
    assert "miracle vitamins" not in page.locator("main").inner_text()

    # The author hears about it in their own language, and still sees their reply.
    log_in_again(page, author)
    visit(page, f"/{language}/conversations/")
    tab_to(page, page.get_by_role("link", name=bell_name(language, 1)))
    press_and_check(page)
    notice = page.locator(".notification")
    assert notice.count() == 1
    sentence = say(
        language, "A moderator changed your post in “%(title)s”", title="Fundraising ideas"
    )
    assert notice.locator(".notification-sentence").inner_text().endswith(sentence)
    assert notice.locator(".notification-excerpt").inner_text() == say(
        language,
        "A moderator hid your post. Others no longer see it; you and moderators still do.",
    )
    tab_to(page, notice.get_by_role("link"))
    press_and_check(page)
    assert page.url.endswith("#reply-2")
    assert (
        say(
            language,
            "Moderators have hidden this reply. Only its author and moderators can see it.",
        )
        in page.locator("#reply-2").inner_text()
    )


# 6. Private spaces --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_private_space_and_news_about_it_stay_with_its_members(
    page, space, alice, benoit, sam, language
):
    outsider = speak(benoit, language)
    insider = speak(alice, language)
    private = services.space_save(
        space=Space(name_en="Stewards' circle", name_fr="Cercle de l'intendance", is_private=True),
        steward=sam,
        members=[insider],
    )
    # Benoît followed it once, say before it became private: that must not let news through.
    services.space_follow(space=private, member=outsider, follow=True)
    topic = services.topic_start(
        space=private, author=insider, title="Budget worries", body="Between us: money is tight."
    )
    mention = f"[@Benoît Gagnon](/{language}/people/{outsider.pk}/)"
    services.reply_post(topic=topic, author=insider, body=f"Should we ask {mention}?")
    services.reply_post(topic=topic, author=sam, body="Not before the board meets.")

    log_in_as(page, outsider)
    visit(page, f"/{language}/conversations/")
    spaces = page.locator(".space-list").inner_text()
    assert space.name_en in spaces or space.name_fr in spaces
    assert "Stewards' circle" not in spaces
    assert "Cercle de l'intendance" not in spaces
    visit(page, f"/{language}/conversations/latest/")
    assert "Budget worries" not in page.locator("main").inner_text()
    for path in [
        f"/conversations/{private.slug}/",
        f"/conversations/{private.slug}/{topic.pk}-{topic.slug}/",
        f"/conversations/t/{topic.pk}/",
        f"/conversations/t/{topic.pk}/r/1/",
        f"/conversations/t/{topic.pk}/unread/",
    ]:
        assert visit_status(page, f"/{language}{path}") == 404, path
        assert "Budget worries" not in page.content()
    expect(page.get_by_role("link", name=bell_name(language, 0))).to_be_visible()
    assert not Notification.objects.filter(recipient=outsider).exists()

    run_tasks()
    assert [message.to for message in mail.outbox if outsider.email in message.to] == []
    visit(page, f"/{language}/notifications/")
    assert page.locator(".notification").count() == 0

    # A member of the space sees it, marked private.
    log_in_again(page, insider)
    visit(page, f"/{language}/conversations/")
    card = page.locator(
        ".space-card", has_text="Stewards' circle" if language == "en" else "Cercle"
    )
    assert say(language, "Private") in card.inner_text()
    assert visit_status(page, topic_path(language, topic)) == 200


# 7. Narrow screens --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_conversation_pages_do_not_scroll_sideways_at_320_pixels(
    page, space, alice, benoit, language
):
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    topic = services.topic_start(
        space=space,
        author=alice,
        kind=Topic.Kind.QUESTION,
        title=f"Which {long_word} resources?",
        body=f"See https://example.org/{'a' * 120} and {long_word}.",
    )
    header = "| " + " | ".join(f"Column heading number {n}" for n in range(8)) + " |"
    rule = "|" + "---|" * 8
    row = "| " + " | ".join(f"value{n}-{long_word[:20]}" for n in range(8)) + " |"
    table = "\n".join([header, rule, row, row])
    reply = services.reply_post(
        topic=topic, author=benoit, body=f"A wide comparison:\n\n{table}\n\n{long_word}"
    )
    services.answer_accept(topic=topic, reply=reply, member=alice)
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, speak(alice, language))
    for path in [
        f"/{language}/conversations/",
        f"/{language}/conversations/latest/",
        f"/{language}/conversations/{space.slug}/",
        f"/{language}/conversations/{space.slug}/?show=unanswered",
        topic_path(language, topic),
    ]:
        visit(page, path)
        assert_no_sideways_scroll(page)
    assert page.locator("#reply-1 .post-body table").is_visible()
    assert page.locator(".accepted-answer table").is_visible()


# 8. Hostile input ---------------------------------------------------------------------------


def hostile_lines() -> list[str]:
    """A spread of the shared payloads: tags that run on load, attribute and string breakouts,
    javascript: URLs, a broken closing tag and elements that need a user's gesture."""
    chosen = [
        "<img src =q onerror=prompt(8)>",
        "<svg onload=alert(1)>",
        "<script>alert(1)</script>",
        "</scrip</script>t><img src =q onerror=prompt(8)>",
        '"autofocus/onfocus=alert(1)//',
        "'-alert(1)-'",
        '"onclick=prompt(8)><svg/onload=prompt(8)>"@x.y',
        "<iframe src=javascript:alert(1)>",
        "<a href=javascript:alert(1)>click",
        "<details ontoggle=alert(1) open>test</details>",
        "<x contenteditable onfocus=alert(1)>focus this!",
        "'onload=alert(1)><svg/1='",
    ]
    lines = {line.strip() for line in XSS_PAYLOADS.read_text(encoding="utf-8").splitlines()}
    assert set(chosen) <= lines  # each really comes from the shared list
    return chosen


def assert_nothing_became_markup(page) -> None:
    """No payload turned into an element or an event handler anywhere on the page."""
    found = page.evaluate(
        """() => [...document.querySelectorAll('main *, title')].flatMap(element => [
            ...(['SCRIPT', 'IFRAME', 'SVG', 'DETAILS', 'X', 'svg'].includes(element.tagName)
                ? [element.outerHTML] : []),
            ...[...element.attributes]
                .filter(attribute => attribute.name.startsWith('on')
                    || /javascript:/i.test(attribute.value))
                .map(attribute => element.tagName + ' ' + attribute.name + '=' + attribute.value),
        ])"""
    )
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_titles_and_posts_are_shown_as_text_and_never_run(
    page, space, alice, benoit, language
):
    payloads = hostile_lines()
    dialogs: list[str] = []

    def refuse(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse)
    for title in payloads[1:]:
        services.topic_start(space=space, author=benoit, title=title, body=title)
    log_in_as(page, speak(alice, language))

    # Alice starts a topic whose title and text are the payloads.
    visit(page, f"/{language}/conversations/{space.slug}/new/")
    title = page.get_by_role("textbox", name=say(language, "Title"))
    tab_to(page, title)
    page.keyboard.type(payloads[0])
    body = page.get_by_role("textbox", name=say(language, "Text"))
    tab_to(page, body)
    body.fill("\n\n".join(payloads))
    tab_to(page, page.get_by_role("button", name=say(language, "Post the topic")))
    press_and_check(page)
    topic = Topic.objects.get(author=alice)
    assert topic.title == payloads[0]

    page.wait_for_timeout(300)  # time for an onerror or onload to have fired
    assert page.get_by_role("heading", level=1).inner_text() == payloads[0]
    assert page.title().startswith(payloads[0])
    paragraphs = page.locator("article.topic .post-body p").all_inner_texts()
    assert paragraphs == payloads
    assert_nothing_became_markup(page)

    post_reply_with_keyboard(page, language, "\n\n".join(reversed(payloads)))
    page.wait_for_timeout(300)
    assert page.locator("#reply-1 .post-body p").all_inner_texts() == list(reversed(payloads))
    assert_nothing_became_markup(page)

    # Loaded afresh, as the next reader sees it.
    visit(page, topic_path(language, topic))
    page.wait_for_timeout(300)
    assert page.locator("#reply-1 .post-body p").all_inner_texts() == list(reversed(payloads))
    assert_nothing_became_markup(page)

    for path in [
        f"/{language}/conversations/{space.slug}/",
        f"/{language}/conversations/latest/",
    ]:
        visit(page, path)
        page.wait_for_timeout(300)
        titles = page.locator(".topic-list .topic-title a").all_inner_texts()
        assert sorted(titles) == sorted(payloads)
        assert_nothing_became_markup(page)
    assert dialogs == []


# A half-written reply ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_half_written_reply_survives_a_reload_and_goes_once_posted(page, language):
    alice = speak(make_person("alice@example.org", name="Alice Martin"), language)
    space = Space.objects.create(slug="cafes", name_en="Grief cafés", name_fr="Cafés deuil")
    topic = services.topic_start(space=space, author=alice, title="Our first café", body="How?")
    log_in_as(page, alice)
    visit(page, topic_path(language, topic))
    body = page.get_by_role("textbox", name=say(language, "Your reply"))
    tab_to(page, body)
    page.keyboard.type("We set out six tables and")
    # Leave and come back (a reload could let the browser refill the form by itself).
    visit(page, f"/{language}/conversations/")
    visit(page, topic_path(language, topic))
    expect(body).to_have_value("We set out six tables and")
    tab_to(page, body)
    page.keyboard.press("End")
    page.keyboard.type(" a host at each.")
    tab_to(page, page.get_by_role("button", name=say(language, "Post the reply")))
    page.keyboard.press("Enter")
    expect(page.locator("#reply-1")).to_contain_text("a host at each.")
    visit(page, topic_path(language, topic))
    expect(page.get_by_role("textbox", name=say(language, "Your reply"))).to_have_value("")
