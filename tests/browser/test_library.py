"""The practice library in a real browser, in English and in French, with axe-core on every page
visited: sharing a story with a PDF, finding it by focus area and by a word inside the PDF,
saying "I used this", turning an answered question into a resource, linking a translation,
publishing to the public page, the keyboard, a 320-pixel screen and hostile input.

Expected wording comes from the catalogue at run time (``say``), so the tests follow the French
translation as it is compiled; where a French page may still show English, the tests find
things by their address, id or role instead.
"""

import importlib
import json
import random
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from commonplace.conversations import services as conversations
from commonplace.conversations.attachments import CheckedFile
from commonplace.conversations.models import Space, Topic
from commonplace.core.models import FocusArea
from commonplace.library import services
from commonplace.library.models import Resource, ResourceFile, ResourceKind, ResourceUse
from commonplace.notifications.models import Notification
from commonplace.people.models import Contribution
from tests.browser.conftest import check_accessibility, click_and_check, log_in_as, visit
from tests.browser.test_conversations import (
    LANGUAGES,
    assert_no_sideways_scroll,
    assert_nothing_became_markup,
    bell_name,
    is_focused,
    log_in_again,
    press_and_check,
    say,
    site_path,
    speak,
    tab_to,
    topic_path,
)
from tests.conftest import run_tasks
from tests.conversations.files import pdf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PDF_NAME = "Bilan des cafés – été.pdf"  # noqa: RUF001 (a real en dash, as people type them)
# A word found nowhere but inside the PDF, so only the text the worker read can find it.
PDF_WORD = "Quokkavarium"

# The library's kinds and audiences are written by a migration; a transactional test empties
# every table when it ends, so each test puts them back as a fresh install has them.
kinds_migration = importlib.import_module("commonplace.library.migrations.0002_kinds_and_audiences")


# Helpers --------------------------------------------------------------------------------------


def checked_pdf(name: str, text: str) -> CheckedFile:
    return CheckedFile(name=name, kind="pdf", content_type="application/pdf", content=pdf(text))


def area(slug: str) -> FocusArea:
    return FocusArea.objects.get(slug=slug)


def kind(key: str) -> ResourceKind:
    return ResourceKind.objects.get(key=key)


def share(member, title: str, *, language: str = "en", **values) -> Resource:
    """A resource shared with members, arranged through the service (the journeys under test
    go through the pages)."""
    values.setdefault("summary", f"What we learned from {title.lower()}.")
    values.setdefault("body", "## What happened\n\nIt went well.")
    return services.resource_share(
        member=member,
        kind=values.pop("kind", None) or kind("story"),
        title=title,
        language=language,
        licence=Resource.Licence.CC_BY,
        **values,
    )


def resource_path(language: str, resource: Resource) -> str:
    return f"/{language}/library/{resource.pk}-{resource.slug}/"


def card_titles(page) -> list[str]:
    return page.locator(".resource-list .resource-title a").all_inner_texts()


def login_path(language: str) -> str:
    with translation.override(language):
        return reverse(settings.LOGIN_URL)


def refuse_dialogs(page) -> list[str]:
    dialogs: list[str] = []

    def refuse(dialog) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", refuse)
    return dialogs


@pytest.fixture
def library(demo_site):
    """The focus areas and community (demo_site), and the library's kinds and audiences."""
    kinds_migration.forwards(django_apps, None)


# 1. Sharing a story with a PDF ----------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_shares_a_story_with_a_pdf_that_only_members_can_download(
    page, browser, library, alice, tmp_path, language
):
    alice = speak(alice, language)
    pdf_path = tmp_path / PDF_NAME
    pdf_path.write_bytes(pdf(f"Summer cafes {PDF_WORD}"))
    story = kind("story")
    log_in_as(page, alice)

    visit(page, f"/{language}/library/")
    nav = page.get_by_role("navigation", name=say(language, "Library"))
    click_and_check(page, nav.get_by_role("link", name=say(language, "Share a resource")))
    assert site_path(page) == f"/{language}/library/new/"
    click_and_check(
        page,
        page.get_by_role(
            "link", name=story.name_en if language == "en" else story.name_fr, exact=True
        ),
    )
    assert site_path(page) == f"/{language}/library/new/story/"

    # The text starts from the kind's prompts, in the member's language.
    body = page.get_by_role("textbox", name=say(language, "Text"))
    prompts = story.template_en if language == "en" else story.template_fr
    assert body.input_value().strip() == prompts.strip()

    page.get_by_role("textbox", name=say(language, "Title")).fill("Grief cafés in the summer")
    page.get_by_role("textbox", name=say(language, "Summary")).fill(
        "How we moved our grief café outdoors, and who came."
    )
    body.fill(
        body.input_value().replace(
            "## What happened\n", "## What happened\n\nWe met in the park.\n", 1
        )
    )
    grief = area("grief-bereavement")
    page.get_by_role("checkbox", name=grief.name_en if language == "en" else grief.name_fr).check()
    page.get_by_role("radio", name=say(language, "French"), exact=True).check()
    page.get_by_label(say(language, "Licence")).select_option("cc-by-sa-4.0")
    page.locator("input[type=file][name=new_files]").set_input_files(pdf_path)
    click_and_check(page, page.get_by_role("button", name=say(language, "Share with members")))

    resource = Resource.objects.get()
    assert site_path(page) == resource_path(language, resource)
    assert (resource.status, resource.language, resource.licence) == (
        Resource.Status.PUBLISHED,
        "fr",
        "cc-by-sa-4.0",
    )
    assert list(resource.areas.all()) == [grief]
    assert list(resource.authors.all()) == [alice]
    assert page.get_by_role("heading", level=1).inner_text() == "Grief cafés in the summer"
    assert page.get_by_role("status").inner_text() == say(
        language, "Your resource is in the library."
    )
    item = ResourceFile.objects.get()
    assert item.original_name == PDF_NAME
    files = page.get_by_role("region", name=say(language, "Files"))
    link = files.get_by_role("link", name=PDF_NAME)
    expect(link).to_be_visible()
    file_path = f"/{language}/library/{resource.pk}/files/{item.pk}/"
    assert link.get_attribute("href") == file_path

    # The member gets the file, byte for byte.
    answer = page.request.get(page.base_url + file_path)
    assert answer.status == 200
    assert answer.body() == pdf(f"Summer cafes {PDF_WORD}")

    # A visitor with no session is sent to log in, and never gets the file.
    stranger = browser.new_context(locale="en-CA")
    try:
        answer = stranger.request.get(page.base_url + file_path, max_redirects=0)
        assert answer.status == 302
        assert answer.headers["location"].startswith(login_path(language))
        assert b"%PDF" not in answer.body()
        followed = stranger.request.get(page.base_url + file_path)
        assert followed.headers["content-type"].startswith("text/html")
        assert b"%PDF" not in followed.body()
        visitor = stranger.new_page()
        visitor.goto(page.base_url + file_path)
        assert visitor.url.removeprefix(page.base_url).startswith(login_path(language))
        check_accessibility(visitor)
    finally:
        stranger.close()


# 2. Finding it by focus area and by a word inside its PDF ------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_finds_a_resource_by_focus_area_and_by_a_word_inside_its_pdf(
    page, library, alice, benoit, language
):
    reader = speak(benoit, language)
    grief = area("grief-bereavement")
    wanted = share(
        alice,
        "Grief cafés in the summer",
        areas=[grief],
        files=[checked_pdf("cafes.pdf", f"Summer cafes {PDF_WORD}")],
    )
    other = share(alice, "Volunteer drivers", areas=[area("neighbour-networks")])
    log_in_as(page, reader)

    visit(page, f"/{language}/library/browse/")
    assert sorted(card_titles(page)) == sorted([wanted.title, other.title])
    page.get_by_label(say(language, "Focus area"), exact=True).select_option(grief.slug)
    click_and_check(page, page.get_by_role("button", name=say(language, "Show resources")))
    assert f"area={grief.slug}" in page.url
    assert card_titles(page) == [wanted.title]
    heading = page.locator(".results-heading")
    assert heading.inner_text() == say(language, "%(counter)s resource", "%(counter)s resources", 1)

    # The address carries the filter: opened again (shared, bookmarked), it shows the same.
    filtered = site_path(page)
    visit(page, f"/{language}/library/")
    visit(page, filtered)
    assert card_titles(page) == [wanted.title]
    assert page.get_by_label(say(language, "Focus area"), exact=True).input_value() == grief.slug

    # The word is only inside the PDF: nothing finds it until the worker has read the file.
    visit(page, f"/{language}/library/browse/")
    words = page.get_by_role("searchbox", name=say(language, "Words"))
    words.fill(PDF_WORD)
    click_and_check(page, page.get_by_role("button", name=say(language, "Show resources")))
    assert card_titles(page) == []
    assert ResourceFile.objects.get().extraction == ResourceFile.Extraction.WAITING

    run_tasks()
    assert ResourceFile.objects.get().extraction == ResourceFile.Extraction.DONE
    visit(page, site_path(page))
    assert card_titles(page) == [wanted.title]
    assert f"q={PDF_WORD}" in page.url

    # And from the library home's search box.
    visit(page, f"/{language}/library/")
    page.get_by_role("searchbox", name=say(language, "Search the library")).fill(PDF_WORD.lower())
    click_and_check(page, page.get_by_role("button", name=say(language, "Search"), exact=True))
    assert card_titles(page) == [wanted.title]
    click_and_check(page, page.get_by_role("link", name=wanted.title))
    assert site_path(page) == resource_path(language, wanted)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_search_from_the_header_finds_the_pdf_word_among_resources(
    page, library, alice, benoit, language
):
    reader = speak(benoit, language)
    wanted = share(alice, "Summer grief cafés", files=[checked_pdf("c.pdf", f"Cafes {PDF_WORD}")])
    run_tasks()
    log_in_as(page, reader)
    visit(page, f"/{language}/library/")
    click_and_check(
        page,
        page.get_by_role("navigation", name=say(language, "Main")).get_by_role(
            "link", name=say(language, "Search"), exact=True
        ),
    )
    page.get_by_role("searchbox", name=say(language, "Resources, conversations and people")).fill(
        PDF_WORD
    )
    click_and_check(page, page.get_by_role("button", name=say(language, "Search"), exact=True))
    section = page.get_by_role("region", name=say(language, "Resources"))
    click_and_check(page, section.get_by_role("link", name=wanted.title))
    assert site_path(page) == resource_path(language, wanted)


# 3. "I used this" ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_says_they_used_a_resource_and_its_author_hears_of_it(
    page, library, alice, benoit, language
):
    author = speak(alice, language)
    user = speak(benoit, language)
    resource = share(author, "Volunteer driver checklist", areas=[area("neighbour-networks")])
    log_in_as(page, user)
    visit(page, resource_path(language, resource))
    used = say(language, "Used by %(counter)s member", "Used by %(counter)s members", 0)
    assert used in page.locator("article.resource .meta").inner_text()

    note = page.get_by_role("textbox", name=say(language, "How did you use it? (optional)"))
    note.fill("Adapted it for our rural drivers.")
    click_and_check(page, page.get_by_role("button", name=say(language, "I used this")))
    assert site_path(page) == resource_path(language, resource)
    assert page.get_by_role("status").inner_text() == say(
        language, "Thank you. The authors will know their work helped."
    )
    used = say(language, "Used by %(counter)s member", "Used by %(counter)s members", 1)
    assert used in page.locator("article.resource .meta").inner_text()
    uses = page.get_by_role("region", name=say(language, "Did it help you?"))
    assert "Adapted it for our rural drivers." in uses.inner_text()
    expect(
        uses.get_by_role("button", name=say(language, "Take back “I used this”"))
    ).to_be_visible()
    assert ResourceUse.objects.get().note == "Adapted it for our rural drivers."

    # The list card shows the count too.
    visit(page, f"/{language}/library/browse/")
    card = page.locator(".resource-card", has_text=resource.title)
    assert say(language, "used by %(counter)s member", "used by %(counter)s members", 1) in (
        card.inner_text()
    )

    # The author hears of it, and it counts for "who knows what".
    contribution = Contribution.objects.get(member=author, kind="resource_used")
    assert contribution.title == resource.title
    assert Notification.objects.filter(recipient=author).count() == 1
    log_in_again(page, author)
    visit(page, f"/{language}/library/")
    click_and_check(page, page.get_by_role("link", name=bell_name(language, 1)))
    notice = page.locator(".notification")
    assert notice.count() == 1
    sentence = say(
        language,
        "%(actor)s used your resource “%(title)s”",
        actor=user.display_name,
        title=resource.title,
    )
    assert sentence in notice.locator(".notification-sentence").inner_text()
    assert "Adapted it for our rural drivers." in notice.inner_text()
    tab_to(page, notice.get_by_role("link").first)
    press_and_check(page)
    assert site_path(page) == resource_path(language, resource)
    # The author reads how it was used, but cannot count a use of their own work.
    uses = page.get_by_role("region", name=say(language, "How members used it"))
    assert "Adapted it for our rural drivers." in uses.inner_text()
    assert page.get_by_role("button", name=say(language, "I used this")).count() == 0


# 4. From a conversation to the library --------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_asker_turns_an_answered_question_into_a_resource_that_credits_and_links_back(
    page, library, alice, benoit, sam, language
):
    asker = speak(alice, language)
    answerer = speak(benoit, language)
    space = conversations.space_save(
        space=Space(name_en="Caregiver networks", name_fr="Réseaux d'aidants"), steward=sam
    )
    topic = conversations.topic_start(
        space=space,
        author=asker,
        kind=Topic.Kind.QUESTION,
        title="How do you recruit volunteer drivers?",
        body="We need drivers for appointments in rural areas.",
    )
    reply = conversations.reply_post(
        topic=topic, author=answerer, body="Ask the seniors' centre: retired drivers love it."
    )
    conversations.answer_accept(topic=topic, reply=reply, member=asker)

    # Someone else sees no such button.
    log_in_as(page, answerer)
    visit(page, topic_path(language, topic))
    assert page.get_by_role("button", name=say(language, "Turn into a resource")).count() == 0

    log_in_again(page, asker)
    visit(page, topic_path(language, topic))
    click_and_check(page, page.get_by_role("button", name=say(language, "Turn into a resource")))
    resource = Resource.objects.get()
    assert site_path(page) == f"/{language}/library/{resource.pk}/edit/"
    assert resource.status == Resource.Status.DRAFT
    assert page.get_by_role("status").inner_text() == say(
        language,
        "A draft resource was made from the conversation. Review it, then share it with members.",
    )
    text = page.get_by_role("textbox", name=say(language, "Text")).input_value()
    assert "We need drivers for appointments in rural areas." in text
    assert "Ask the seniors' centre: retired drivers love it." in text
    with translation.override(language):
        assert translation.gettext("The accepted answer") in text
    co_authors = page.get_by_role(
        "textbox", name=say(language, "Authors who are members")
    ).input_value()
    assert asker.display_name in co_authors
    assert answerer.display_name in co_authors

    click_and_check(
        page, page.get_by_role("button", name=say(language, "Save and share with members"))
    )
    resource.refresh_from_db()
    assert site_path(page) == resource_path(language, resource)
    assert resource.status == Resource.Status.PUBLISHED
    assert set(resource.authors.all()) == {asker, answerer}
    about = page.get_by_role("region", name=say(language, "About this resource"))
    assert asker.display_name in about.inner_text()
    assert answerer.display_name in about.inner_text()
    came_from = about.get_by_role("link", name=topic.title)
    with translation.override(language):
        topic_link = reverse("conversations:topic-link", kwargs={"topic_id": topic.pk})
    assert came_from.get_attribute("href") == topic_link
    assert about.locator("dt", has_text=say(language, "Came from")).count() == 1
    click_and_check(page, came_from)
    assert site_path(page) == topic_path(language, topic)
    # The conversation now leads to what it became, instead of offering to make another.
    kept = page.get_by_role("complementary", name=say(language, "Kept in the library"))
    expect(kept.get_by_role("link", name=resource.title)).to_have_attribute(
        "href", resource_path(language, resource)
    )
    assert page.get_by_role("button", name=say(language, "Turn into a resource")).count() == 0
    # The member whose answer it holds is told they are named as an author.
    credited = Notification.objects.get(kind="library.author_credited")
    assert credited.recipient == answerer
    assert credited.actor == asker


# 5. Linking a translation ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_author_links_a_translation_and_a_french_reader_is_offered_it(
    page, library, alice, benoit, language
):
    author = speak(alice, language)
    english = share(author, "Starting a grief café", language="en")
    french = share(author, "Lancer un café deuil", language="fr")
    log_in_as(page, author)
    visit(page, resource_path(language, english))
    click_and_check(page, page.get_by_role("link", name=say(language, "Link a translation")))
    assert site_path(page) == f"/{language}/library/{english.pk}/translation/"
    page.get_by_role("spinbutton", name=say(language, "Number of the translated resource")).fill(
        str(french.pk)
    )
    click_and_check(page, page.get_by_role("button", name=say(language, "Link the translation")))
    assert site_path(page) == resource_path(language, english)
    english.refresh_from_db()
    french.refresh_from_db()
    assert (english.translation, french.translation) == (french, english)

    # A French reader of the English version is offered the French one.
    reader = speak(benoit, "fr")
    log_in_again(page, reader)
    visit(page, resource_path("fr", english))
    offer = page.locator("p.notice", has=page.locator(f"a[href='{resource_path('fr', french)}']"))
    expect(offer).to_be_visible()
    assert offer.get_attribute("lang") == "fr"
    assert say("fr", "This resource is also in your language:") in offer.inner_text()
    link = offer.get_by_role("link", name=french.title)
    assert link.get_attribute("lang") == "fr"
    click_and_check(page, link)
    assert site_path(page) == resource_path("fr", french)


# 6. The public page ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_steward_publishes_a_resource_to_the_public_page_and_a_visitor_reads_it(
    page, library, alice, sam, language
):
    steward = speak(sam, language)
    public = share(alice, "A charter for compassionate cities")
    members_only = share(alice, "Our board's private notes")
    log_in_as(page, steward)
    visit(page, resource_path(language, public))
    click_and_check(
        page, page.get_by_role("button", name=say(language, "Publish to the public page"))
    )
    assert page.get_by_role("status").inner_text() == say(
        language, "The resource is now on the public library page."
    )
    public.refresh_from_db()
    assert public.is_public
    expect(page.get_by_role("button", name=say(language, "Make members-only"))).to_be_visible()

    # A visitor, logged out.
    page.context.clear_cookies()
    visit(page, f"/{language}/library/public/")
    assert card_titles(page) == [public.title]
    assert members_only.title not in page.locator("main").inner_text()
    click_and_check(page, page.get_by_role("link", name=public.title))
    assert site_path(page) == resource_path(language, public)
    assert page.get_by_role("heading", level=1).inner_text() == public.title
    # No member-only actions for a visitor.
    assert page.get_by_role("button", name=say(language, "I used this")).count() == 0

    visit(page, resource_path(language, members_only))
    assert site_path(page).startswith(login_path(language))
    assert members_only.title not in page.content()


# Keyboard only --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_i_used_this_with_the_keyboard_alone_with_the_focus_always_visible(
    page, library, alice, benoit, language
):
    resource = share(alice, "Volunteer driver checklist")
    log_in_as(page, speak(benoit, language))
    visit(page, resource_path(language, resource))
    note = page.get_by_role("textbox", name=say(language, "How did you use it? (optional)"))
    tab_to(page, note)
    page.keyboard.type("Printed it for our drivers.")
    button = page.get_by_role("button", name=say(language, "I used this"))
    tab_to(page, button)
    assert is_focused(button)
    ring = button.evaluate(
        """button => {
            const style = getComputedStyle(button);
            return {style: style.outlineStyle, width: parseFloat(style.outlineWidth),
                    shadow: style.boxShadow};
        }"""
    )
    assert (ring["style"] != "none" and ring["width"] >= 2) or ring["shadow"] != "none", ring
    press_and_check(page)
    assert site_path(page) == resource_path(language, resource)
    assert ResourceUse.objects.get().note == "Printed it for our drivers."
    assert say(language, "Used by %(counter)s member", "Used by %(counter)s members", 1) in (
        page.locator("article.resource .meta").inner_text()
    )


# Narrow screens -------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_pages_do_not_scroll_sideways_at_320_pixels(page, library, alice, language):
    long_word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3
    resource = share(
        alice,
        f"Which {long_word} resources?",
        summary=f"See https://example.org/{'a' * 120} and {long_word}.",
        body=f"{long_word}\n\n| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n"
        + "| "
        + " | ".join(long_word[:30] for _ in range(6))
        + " |",
        credits=f"The {long_word} society",
        links=f"https://example.org/{'b' * 150}",
        areas=[area("social-prescribing"), area("dementia-friendly")],
        files=[checked_pdf(f"{long_word}.pdf", "Wide")],
    )
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, speak(alice, language))
    for path in [
        f"/{language}/library/",
        f"/{language}/library/browse/",
        f"/{language}/library/browse/?area=social-prescribing&sort=used",
        resource_path(language, resource),
    ]:
        visit(page, path)
        assert_no_sideways_scroll(page)


# Hostile input --------------------------------------------------------------------------------


def xss_sample(count: int = 50) -> list[str]:
    """A fixed spread of the shared payloads (the same lines on every run)."""
    lines = [
        line.strip()
        for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    return random.Random(20240601).sample(lines, count)


def blns_sample() -> list[str]:
    naughty = json.loads((DATA / "blns.json").read_text("utf-8"))
    wanted = [
        "<script>alert(123)</script>",
        "<svg><script>123<1>alert(123)</script>",
        "Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤ ̖t̝͕̳̣̻̪͞h̼͓̲̦̳̘̲e͇̣̰̦̬͎ ̢̼̻̱̘h͚͎͙̜̣̲ͅi̦̲̣̰̤v̻͍e̺̭̳̪̰-m̢iͅn̖̺̞̲̯̰d̵̼̟͙̩̼̘̳ ̞̥̱̳̭r̛̗̘e͙p͠r̼̞̻̭̗e̺̠̣͟s̘͇̳͍̝͉e͉̥̯̞̲͚̬͜ǹ̬͎͎̟̖͇̤t͍̬̤͓̼̭͘ͅi̪̱n͠g̴͉ ͏͉ͅc̬̟h͡a̫̻̯͘o̫̟̖͍̙̝͉s̗̦̲.̨̹͈̣",
        "‪‪test‪",
        "1;DROP TABLE users",
    ]
    present = [line for line in wanted if line in naughty]
    assert len(present) >= 3
    return present


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_resources_are_shown_as_text_and_never_run(page, library, alice, benoit, language):
    payloads = xss_sample() + blns_sample()
    dialogs = refuse_dialogs(page)
    author = speak(alice, language)
    # Many resources, each field a payload; links as the form allows them (web addresses).
    made = []
    for index in range(0, len(payloads), 5):
        chunk = (payloads[index : index + 5] * 5)[:5]
        title, summary, body, credits, link = chunk
        resource = share(
            author,
            title[:200] or "x",
            summary=summary[:600] or "x",
            body=f"{body}\n\n{title}",
            credits=f"{credits}\n{summary}",
            links="https://example.org/?q=" + "".join(link.split()),
        )
        made.append(resource)
    # Edited once, so the history has two versions to compare.
    first = made[0]
    services.resource_edit(
        resource=first,
        editor=author,
        title=payloads[-1],
        summary=payloads[1],
        body=payloads[2],
        language="en",
        licence=first.licence,
        areas=[],
        audiences=[],
        region=None,
        authors=[author],
        credits=payloads[3],
        links=first.links,
        note=payloads[4],
    )
    first.refresh_from_db()

    log_in_as(page, author)
    # One more through the form, as a member would type it.
    visit(page, f"/{language}/library/new/guide/")
    page.get_by_role("textbox", name=say(language, "Title")).fill(payloads[0])
    page.get_by_role("textbox", name=say(language, "Summary")).fill(payloads[1])
    page.get_by_role("textbox", name=say(language, "Text")).fill("\n\n".join(payloads[:10]))
    page.get_by_role("textbox", name=say(language, "Other authors and credits")).fill(
        "\n".join(payloads[10:15])
    )
    page.get_by_role("textbox", name=say(language, "Links")).fill(
        "https://example.org/?q=\"><svg/onload=alert(1)>\nhttps://example.org/'-alert(1)-'"
    )
    page.get_by_role("radio", name=say(language, "English"), exact=True).check()
    click_and_check(page, page.get_by_role("button", name=say(language, "Share with members")))
    typed = Resource.objects.get(kind__key="guide")
    assert site_path(page) == resource_path(language, typed)
    page.wait_for_timeout(300)  # time for an onerror or onload to have fired
    assert page.get_by_role("heading", level=1).inner_text() == payloads[0]
    assert_nothing_became_markup(page)
    made.append(typed)

    paths = [f"/{language}/library/", f"/{language}/library/browse/"]
    paths += [f"/{language}/library/browse/?page=2"] if len(made) > 20 else []
    for resource in made:
        paths.append(resource_path(language, resource))
    paths += [
        f"/{language}/library/{first.pk}/history/",
        f"/{language}/library/{first.pk}/history/2/",
        f"/{language}/library/{typed.pk}/history/",
    ]
    for path in paths:
        visit(page, path)
        page.wait_for_timeout(100)
        assert_nothing_became_markup(page)
    assert dialogs == []
    assert page.evaluate("typeof window.xss === 'undefined'")
