"""Attachments in a real browser, in English and in French, with axe-core on every page: a
member starts a topic with a PDF and a photo, the keyboard doing the form, sees both on the
topic page and downloads the PDF under its own name."""

import pytest
from playwright.sync_api import expect

from commonplace.conversations import services
from commonplace.conversations.models import Attachment, Space, Topic
from tests.browser.conftest import log_in_as, visit
from tests.browser.test_conversations import (
    LANGUAGES,
    press_and_check,
    say,
    site_path,
    speak,
    tab_to,
    topic_path,
)
from tests.conversations import files

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF_NAME = "Plan d'aide – été.pdf"  # noqa: RUF001 (a real en dash, as people type them)
PHOTO_NAME = "Jardin communautaire.jpg"


@pytest.fixture
def space(demo_site, sam):
    return services.space_save(space=Space(name_en="Respite care", name_fr="Répit"), steward=sam)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_starts_a_topic_with_a_pdf_and_a_photo_and_downloads_the_pdf(
    page, space, alice, tmp_path, language
):
    alice = speak(alice, language)
    pdf_path, photo_path = tmp_path / PDF_NAME, tmp_path / PHOTO_NAME
    pdf_path.write_bytes(files.pdf("Respite schedule"))
    photo_path.write_bytes(
        files.image("JPEG", size=(120, 80), exif=files.telling_exif(orientation=1))
    )
    log_in_as(page, alice)
    visit(page, f"/{language}/conversations/{space.slug}/new/")

    title = page.get_by_role("textbox", name=say(language, "Title"))
    tab_to(page, title)
    page.keyboard.type("A respite schedule that worked")
    body = page.get_by_role("textbox", name=say(language, "Text"))
    tab_to(page, body)
    page.keyboard.type("Here is our plan, and the garden where we meet.")
    # The keyboard reaches the file input; the system's file chooser is outside the page, so
    # the files are handed to the input as the chooser would.
    chooser = page.get_by_label(say(language, "Attach files"))
    tab_to(page, chooser)
    chooser.set_input_files([pdf_path, photo_path])
    tab_to(page, page.get_by_role("button", name=say(language, "Post the topic")))
    press_and_check(page)

    topic = Topic.objects.get()
    assert site_path(page) == topic_path(language, topic)
    pdf, photo = Attachment.objects.order_by("pk")
    assert (pdf.original_name, pdf.kind) == (PDF_NAME, "pdf")
    assert (photo.original_name, photo.kind) == (PHOTO_NAME, "image")
    assert b"SecretCam" not in photo.file.read()

    files_list = page.get_by_role("list", name=say(language, "Attached files"))
    image = files_list.get_by_role("img", name=PHOTO_NAME)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.decode().then(() => img.naturalWidth)") == 120
    link = files_list.get_by_role("link", name=PDF_NAME)
    expect(link).to_be_visible()
    assert say(language, "PDF") in files_list.inner_text()

    tab_to(page, link)
    with page.expect_download() as caught:
        page.keyboard.press("Enter")
    download = caught.value
    assert download.suggested_filename == PDF_NAME
    with open(download.path(), "rb") as downloaded:
        assert downloaded.read() == files.pdf("Respite schedule")
