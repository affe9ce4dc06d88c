"""Files attached to topics and replies: real files accepted, hostile ones refused with a
sentence naming them and nothing kept, naughty names stored exactly and shown safely, and every
file served only to those who may read its post."""

import io
import json
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http.multipartparser import MAX_TOTAL_HEADER_SIZE, MultiPartParser
from django.urls import reverse
from django.utils.html import escape
from PIL import Image

from commonplace.conversations import attachments, moderation, services
from commonplace.conversations.models import Attachment, Reply, Topic
from commonplace.core.downloads import ascii_filename
from commonplace.people.exports import everything_about
from tests.conversations import files

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))
PAYLOADS = [
    line
    for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
    if line.strip()
]
SCRIPT = re.compile(
    r"<script|<[a-z][^>]*(?:\son[a-z]+\s*=|(?:href|src)=\"?\s*javascript:)", re.IGNORECASE
)
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


# Helpers --------------------------------------------------------------------------------------


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def start_topic(client, space, *uploads, title="Respite care ideas", body="What works for you?"):
    data = {"kind": "discussion", "title": title, "body": body, "attachments": list(uploads)}
    return client.post(reverse("conversations:topic-new", args=[space.slug]), data)


def topic_page(client, topic):
    return client.get(reverse("conversations:topic", args=[topic.space.slug, topic.pk, topic.slug]))


def file_url(item: Attachment) -> str:
    return reverse(
        "conversations:attachment", kwargs={"topic_id": item.topic_id, "attachment_id": item.pk}
    )


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "conversations"
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def attachment_errors(response) -> list[str]:
    return response.context["form"].errors.get("attachments", [])


def checked(name: str, data: bytes) -> attachments.CheckedFile:
    return attachments.check(upload(name, data))


BOUNDARY = "----commonplace-test-boundary-7MA4YWxkTrZu0gW"


def file_part_header(name: str) -> bytes:
    encoded = quote(name.encode("utf-8", "replace"), safe="")
    return (
        f"Content-Disposition: form-data; name=\"attachments\"; filename*=UTF-8''{encoded}"
        "\r\nContent-Type: application/pdf\r\n\r\n"
    ).encode()


def multipart(fields: dict[str, str], uploads: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A form body as a browser sends it, with each file's name percent-encoded in
    ``filename*`` so that any name at all (quotes, line breaks, emoji) arrives intact."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
        + value.encode()
        + b"\r\n"
        for key, value in fields.items()
    ]
    parts += [
        f"--{BOUNDARY}\r\n".encode() + file_part_header(name) + data + b"\r\n"
        for name, data in uploads
    ]
    body = b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()
    return body, f"multipart/form-data; boundary={BOUNDARY}"


def as_django_reads_it(name: str) -> str:
    """The name Django's form parser hands over: it drops path separators and unprintable
    characters, and decodes HTML entities, before any of our code sees the name."""
    return MultiPartParser.sanitize_file_name(None, name)  # type: ignore[arg-type]


# Real files are accepted --------------------------------------------------------------------


def test_a_member_starts_a_topic_with_a_pdf_a_word_document_and_an_image(
    client, alice, open_space, settings
):
    client.force_login(alice)
    response = start_topic(
        client,
        open_space,
        upload("Care plan.pdf", files.pdf(), "application/pdf"),
        upload("Meeting notes.docx", files.docx(), DOCX_TYPE),
        upload("Garden.png", files.image("PNG"), "image/png"),
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    items = list(topic.attachments.order_by("pk"))
    assert [(item.original_name, item.kind, item.content_type) for item in items] == [
        ("Care plan.pdf", "pdf", "application/pdf"),
        ("Meeting notes.docx", "docx", DOCX_TYPE),
        ("Garden.png", "image", "image/png"),
    ]
    assert all(item.reply is None and item.uploaded_by == alice for item in items)
    assert items[0].file.read() == files.pdf()
    assert items[0].size == len(files.pdf())
    # Stored under random names that say nothing of the post or the file's own name.
    for item in items:
        assert re.fullmatch(r"conversations/files/[0-9a-f]{32}\.(pdf|docx|png)", item.file.name)
    assert len(stored_files(settings)) == 3

    page = topic_page(client, topic).text
    assert f'<img src="{file_url(items[2])}" alt="Garden.png"' in page
    assert f'<a href="{file_url(items[0])}"><bdi>Care plan.pdf</bdi></a>' in page
    assert "(PDF, " in page
    assert "(Word document, " in page


def test_a_reply_carries_files_posted_with_htmx_and_without(client, alice, benoit, open_space):
    topic = services.topic_start(space=open_space, author=alice, title="Drivers", body="Who?")
    client.force_login(benoit)
    url = reverse("conversations:reply-new", kwargs={"topic_id": topic.pk})
    plain = client.post(url, {"body": "Our list", "attachments": [upload("List.pdf", files.pdf())]})
    assert plain.status_code == 302
    htmx = client.post(
        url,
        {"body": "And a map", "attachments": [upload("Map.png", files.image("PNG"))]},
        headers={"HX-Request": "true"},
    )
    assert htmx.status_code == 200
    first, second = Reply.objects.order_by("number")
    assert [item.original_name for item in first.attachments.all()] == ["List.pdf"]
    [map_file] = second.attachments.all()
    # The new reply comes back with its image in place.
    assert 'alt="Map.png"' in htmx.text
    assert file_url(map_file) in htmx.text
    assert 'hx-encoding="multipart/form-data"' in topic_page(client, topic).text


def test_a_jpeg_loses_its_exif_data_and_is_turned_upright(client, alice, open_space):
    client.force_login(alice)
    photo = files.image("JPEG", size=(60, 20), exif=files.telling_exif(orientation=6))
    assert b"SecretCam" in photo
    assert start_topic(client, open_space, upload("Kitchen.jpg", photo)).status_code == 302
    item = Attachment.objects.get()
    kept = item.file.read()
    assert b"SecretCam" not in kept
    assert b"Elm Street" not in kept
    stored = Image.open(io.BytesIO(kept))
    assert stored.format == "JPEG"
    assert dict(stored.getexif()) == {}
    # Orientation 6 meant "turn a quarter": the picture itself is now upright.
    assert stored.size == (20, 60)
    assert item.size == len(kept)


def test_a_jpeg_without_orientation_keeps_its_quality(alice):
    photo = files.image("JPEG", size=(64, 64), exif=files.telling_exif())
    result = checked("Porch.jpeg", photo)
    original, kept = Image.open(io.BytesIO(photo)), Image.open(io.BytesIO(result.content))
    assert kept.size == (64, 64)
    assert kept.quantization == original.quantization
    assert dict(kept.getexif()) == {}


def test_other_images_are_kept_byte_for_byte():
    for fmt, name in (("PNG", "a.png"), ("GIF", "a.gif"), ("WEBP", "a.webp")):
        data = files.image(fmt)
        assert checked(name, data).content == data, fmt


def test_the_type_from_the_content_decides_not_the_browser(client, alice, open_space):
    client.force_login(alice)
    # The browser calls it a PNG; the content is a PDF and its name says so.
    response = start_topic(client, open_space, upload("Report.PDF", files.pdf(), "image/png"))
    assert response.status_code == 302
    assert Attachment.objects.get().content_type == "application/pdf"


# Hostile and unsuitable files are refused, with nothing kept --------------------------------

REFUSALS = [
    (
        "a text file named .pdf",
        lambda: [upload("notes.pdf", b"Just some notes, not a PDF at all.\n")],
        "“notes.pdf” is not a kind of file we accept.",
    ),
    (
        "a program renamed .pdf",
        lambda: [upload("invoice.pdf", files.EXECUTABLE, "application/pdf")],
        "“invoice.pdf” is not a kind of file we accept.",
    ),
    (
        "a PDF cut short",
        lambda: [upload("cut.pdf", files.pdf()[:-40])],
        "“cut.pdf” is not a complete PDF.",
    ),
    (
        "a ZIP bomb named .docx",
        lambda: [upload("minutes.docx", files.zip_bomb_docx(), DOCX_TYPE)],
        "“minutes.docx” would unpack to far more than its size",
    ),
    (
        "a Word document with macros",
        lambda: [upload("budget.docx", files.macro_docx(), DOCX_TYPE)],
        "“budget.docx” contains macros",
    ),
    (
        "a macro document renamed .docx",
        lambda: [upload("agenda.docx", files.docx(types=files.MACRO_CONTENT_TYPES))],
        "“agenda.docx” contains macros",
    ),
    (
        "a ZIP that is not a Word document",
        lambda: [upload("photos.docx", files.spreadsheet())],
        "“photos.docx” is not a Word document we can accept.",
    ),
    (
        "a JPEG named .png",
        lambda: [upload("garden.png", files.image("JPEG"), "image/png")],
        "“garden.png” is a JPEG image, but its name does not end in .jpg / .jpeg.",
    ),
    (
        "a PDF named .docx",
        lambda: [upload("plan.docx", files.pdf())],
        "“plan.docx” is a PDF, but its name does not end in .pdf.",
    ),
    (
        "an SVG with a script",
        lambda: [upload("logo.svg", files.SVG_WITH_SCRIPT, "image/svg+xml")],
        "“logo.svg” is not a kind of file we accept.",
    ),
    (
        "an SVG with a script named .png",
        lambda: [upload("logo.png", files.SVG_WITH_SCRIPT, "image/png")],
        "“logo.png” is not a kind of file we accept.",
    ),
    (
        "an image of 12,000 by 12,000 pixels",
        lambda: [upload("poster.png", files.huge_png(), "image/png")],
        "“poster.png” is too large in pixels.",
    ),
    (
        "an image with a page riding after it",
        lambda: [upload("badge.png", files.image("PNG") + b"<html><script>alert(1)</script>")],
        "“badge.png” holds more than an image",
    ),
    (
        "an image with script in its metadata",
        lambda: [upload("icon.png", files.png_with_text("<script>alert(1)</script>"))],
        "“icon.png” holds more than an image",
    ),
    (
        "an empty file",
        lambda: [upload("empty.pdf", b"")],
        "“empty.pdf”: The submitted file is empty.",
    ),
    (
        "a sixth file",
        lambda: [upload(f"part-{number}.pdf", files.pdf()) for number in range(6)],
        "You can attach up to 5 files to one post.",
    ),
]


@pytest.mark.parametrize(
    ("uploads", "message"),
    [case[1:] for case in REFUSALS],
    ids=[case[0] for case in REFUSALS],
)
def test_a_refused_file_gets_a_sentence_next_to_the_field_and_nothing_is_kept(
    client, alice, open_space, settings, uploads, message
):
    client.force_login(alice)
    response = start_topic(client, open_space, *uploads())
    assert response.status_code == 200
    errors = attachment_errors(response)
    assert any(message in error for error in errors), errors
    # Shown in the field's own group, and in the summary at the top that links to it.
    assert 'id="id_attachments"' in response.text
    assert escape(message) in response.text
    assert Topic.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert stored_files(settings) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
    client, alice, open_space, settings
):
    settings.ATTACHMENT_MAX_BYTES = 100_000
    client.force_login(alice)
    response = start_topic(client, open_space, upload("Big.pdf", files.pdf(padding=150_000)))
    assert attachment_errors(response) == [
        "“Big.pdf” is larger than 97.7\xa0KB. Please choose a smaller file."
    ]
    assert Attachment.objects.count() == 0
    assert stored_files(settings) == []


def test_every_refused_file_is_named_at_once(client, alice, open_space):
    client.force_login(alice)
    response = start_topic(
        client,
        open_space,
        upload("fine.pdf", files.pdf()),
        upload("a.pdf", b"text"),
        upload("b.png", files.image("JPEG")),
    )
    errors = attachment_errors(response)
    assert len(errors) == 2
    assert errors[0].startswith("“a.pdf”")
    assert errors[1].startswith("“b.png”")
    assert Attachment.objects.count() == 0


def test_refusals_are_in_french_for_a_french_speaker(client, benoit, open_space):
    client.force_login(benoit)
    response = client.post(
        reverse("conversations:topic-new", args=[open_space.slug]).replace("/en/", "/fr/"),
        {"kind": "discussion", "title": "T", "body": "B", "attachments": [upload("x.pdf", b"x")]},
    )
    [error] = attachment_errors(response)
    assert error.startswith("« x.pdf »")


def test_a_failed_post_leaves_no_file_behind(alice, open_space, settings, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the notification service fell over")

    monkeypatch.setattr(services, "notify", broken)
    with pytest.raises(RuntimeError):
        services.topic_start(
            space=open_space,
            author=alice,
            title="T",
            body="B",
            attachments=[checked("a.pdf", files.pdf())],
        )
    assert Topic.objects.count() == 0
    assert stored_files(settings) == []


# Editing: adding and removing ----------------------------------------------------------------


def test_the_author_removes_one_file_and_adds_another_while_editing(
    client, alice, open_space, settings, django_capture_on_commit_callbacks
):
    topic = services.topic_start(
        space=open_space,
        author=alice,
        title="Respite",
        body="Ideas",
        attachments=[checked("old.pdf", files.pdf()), checked("keep.pdf", files.pdf("Keep"))],
    )
    old, _keep = topic.attachments.order_by("pk")
    client.force_login(alice)
    url = reverse("conversations:topic-edit", kwargs={"topic_id": topic.pk})
    form_page = client.get(url).text
    assert 'name="remove_attachments"' in form_page
    assert 'enctype="multipart/form-data"' in form_page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "kind": "discussion",
                "title": "Respite",
                "body": "Ideas",
                "remove_attachments": [old.pk],
                "attachments": [upload("new.docx", files.docx())],
            },
        )
    assert response.status_code == 302
    assert sorted(topic.attachments.values_list("original_name", flat=True)) == [
        "keep.pdf",
        "new.docx",
    ]
    assert len(stored_files(settings)) == 2  # the removed file is gone from storage too


def test_editing_cannot_go_past_the_limit_or_remove_another_posts_file(
    client, alice, open_space, settings
):
    settings.ATTACHMENTS_PER_POST = 2
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("one.pdf", files.pdf())],
    )  # fmt: skip
    other = services.topic_start(
        space=open_space, author=alice, title="U", body="C",
        attachments=[checked("other.pdf", files.pdf())],
    )  # fmt: skip
    client.force_login(alice)
    url = reverse("conversations:topic-edit", kwargs={"topic_id": topic.pk})
    data = {"kind": "discussion", "title": "T", "body": "B"}
    two_more = [upload("a.pdf", files.pdf()), upload("b.pdf", files.pdf())]
    response = client.post(url, {**data, "attachments": two_more})
    assert attachment_errors(response) == ["You can attach up to 2 files to one post."]
    # Another post's file is not among the choices.
    response = client.post(url, {**data, "remove_attachments": [other.attachments.get().pk]})
    assert response.status_code == 200
    assert other.attachments.count() == 1
    assert topic.attachments.count() == 1


def test_a_moderator_removes_a_file_from_a_reply_and_it_is_recorded(client, alice, sam, open_space):
    from commonplace.core.models import AuditEntry

    topic = services.topic_start(space=open_space, author=sam, title="T", body="B")
    reply = services.reply_post(
        topic=topic, author=alice, body="Mine", attachments=[checked("rude.png", files.image())]
    )
    client.force_login(sam)
    url = reverse("conversations:reply-edit", kwargs={"topic_id": topic.pk, "number": 1})
    response = client.post(
        url, {"body": "Mine", "remove_attachments": [reply.attachments.get().pk]}
    )
    assert response.status_code == 302
    assert reply.attachments.count() == 0
    assert AuditEntry.objects.filter(verb="attachment.remove", actor=sam).exists()


def test_another_member_cannot_edit_someone_elses_files(client, alice, benoit, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("mine.pdf", files.pdf())],
    )  # fmt: skip
    client.force_login(benoit)
    url = reverse("conversations:topic-edit", kwargs={"topic_id": topic.pk})
    response = client.post(
        url,
        {"kind": "discussion", "title": "T", "body": "B",
         "remove_attachments": [topic.attachments.get().pk]},
    )  # fmt: skip
    assert response.status_code == 403
    assert topic.attachments.count() == 1


# Serving: to whoever may read the post, and nobody else ---------------------------------------


def test_a_pdf_is_downloaded_with_safe_headers(client, alice, benoit, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("Plan d'aide \u2013 été.pdf", files.pdf())],
    )  # fmt: skip
    item = topic.attachments.get()
    client.force_login(benoit)
    response = client.get(file_url(item))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == files.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Plan d_aide ete.pdf"; '
        "filename*=UTF-8''Plan%20d%27aide%20%E2%80%93%20%C3%A9t%C3%A9.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert "sandbox" in response["Content-Security-Policy"]


def test_an_image_is_shown_inline_and_a_word_document_downloaded(client, alice, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("map.webp", files.image("WEBP")), checked("a.docx", files.docx())],
    )  # fmt: skip
    image, document = topic.attachments.order_by("pk")
    client.force_login(alice)
    shown = client.get(file_url(image))
    assert shown["Content-Type"] == "image/webp"
    assert shown["Content-Disposition"].startswith("inline; ")
    downloaded = client.get(file_url(document))
    assert downloaded["Content-Type"] == DOCX_TYPE
    assert downloaded["Content-Disposition"].startswith("attachment; ")


def test_a_file_in_a_private_space_is_404_to_an_outsider_even_with_its_address(
    client, private_space, chloe, olga, sam
):
    topic = services.topic_start(
        space=private_space, author=chloe, title="Secret", body="B",
        attachments=[checked("secret.pdf", files.pdf())],
    )  # fmt: skip
    url = file_url(topic.attachments.get())
    client.force_login(olga)
    assert client.get(url).status_code == 404
    for allowed in (chloe, sam):
        client.force_login(allowed)
        assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_a_file_on_a_hidden_reply_is_404_to_other_members(client, alice, benoit, sam, open_space):
    topic = services.topic_start(space=open_space, author=sam, title="T", body="B")
    reply = services.reply_post(
        topic=topic, author=alice, body="R", attachments=[checked("r.pdf", files.pdf())]
    )
    moderation.post_hide(topic=topic, reply=reply, moderator=sam)
    url = file_url(reply.attachments.get())
    client.force_login(benoit)
    assert client.get(url).status_code == 404
    assert "r.pdf" not in topic_page(client, topic).text
    for allowed in (alice, sam):  # its author and the moderators still see the reply
        client.force_login(allowed)
        assert client.get(url).status_code == 200


def test_a_file_on_a_deleted_reply_stays_stored_but_is_served_to_nobody(
    client, alice, sam, open_space, settings
):
    topic = services.topic_start(space=open_space, author=sam, title="T", body="B")
    reply = services.reply_post(
        topic=topic, author=alice, body="R", attachments=[checked("gone.pdf", files.pdf())]
    )
    services.reply_delete(reply=reply, member=alice)
    url = file_url(reply.attachments.get())
    for person in (alice, sam):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert "gone.pdf" not in topic_page(client, topic).text
    assert len(stored_files(settings)) == 1


def test_a_file_on_a_hidden_topic_is_404_to_other_members(client, alice, benoit, sam, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("t.pdf", files.pdf())],
    )  # fmt: skip
    moderation.post_hide(topic=topic, reply=None, moderator=sam)
    client.force_login(benoit)
    assert client.get(file_url(topic.attachments.get())).status_code == 404


def test_a_file_asked_for_under_another_topic_is_404(client, alice, open_space):
    first = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("t.pdf", files.pdf())],
    )  # fmt: skip
    second = services.topic_start(space=open_space, author=alice, title="U", body="C")
    client.force_login(alice)
    url = reverse(
        "conversations:attachment",
        kwargs={"topic_id": second.pk, "attachment_id": first.attachments.get().pk},
    )
    assert client.get(url).status_code == 404


def test_media_files_are_not_served_at_their_storage_address(client, alice, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("t.pdf", files.pdf())],
    )  # fmt: skip
    client.force_login(alice)
    stored = topic.attachments.get().file.name
    assert client.get(f"/media/{stored}").status_code == 404


# Naughty names --------------------------------------------------------------------------------


def naughty_names() -> list[str]:
    sample = PAYLOADS[:: max(1, len(PAYLOADS) // 120)]
    return [f"{text}.pdf" for text in NAUGHTY + sample]


def fits(name: str) -> bool:
    """Django refuses (400) any part of a form whose headers pass 1,024 bytes, whatever our
    code would do with it; a few names of long emoji runs do."""
    return len(file_part_header(name)) <= MAX_TOTAL_HEADER_SIZE


def test_naughty_file_names_are_stored_exactly_and_shown_safely(client, alice, open_space):
    client.force_login(alice)
    names = [name for name in naughty_names() if fits(name)]
    url = reverse("conversations:topic-new", args=[open_space.slug])
    document = files.pdf()
    for start in range(0, len(names), 5):
        batch = names[start : start + 5]
        cache.clear()  # the limit on topics an hour is not what this test is about
        body, content_type = multipart(
            {"kind": "discussion", "title": f"Batch {start}", "body": "Files"},
            [(name, document) for name in batch],
        )
        response = client.post(url, body, content_type=content_type)
        assert response.status_code == 302, (batch, response.status_code)
        topic = Topic.objects.get(title=f"Batch {start}")
        items = list(topic.attachments.order_by("pk"))
        assert [item.original_name for item in items] == [as_django_reads_it(n) for n in batch]
        page = topic_page(client, topic).text
        listed = "".join(re.findall(r'<ul class="attachments".*?</ul>', page, re.DOTALL))
        assert not SCRIPT.search(listed), batch
        for item in items:
            assert escape(item.original_name) in listed, item.original_name
            served = client.get(file_url(item))
            assert served.status_code == 200
            disposition = served["Content-Disposition"]
            assert not {"\r", "\n", "\x00"} & set(disposition)
            parts = re.fullmatch(
                r"attachment; filename=\"([A-Za-z0-9 ._()+-]+)\"; "
                r"filename\*=UTF-8''([A-Za-z0-9%._~-]+)",
                disposition,
            )
            assert parts, disposition
            assert parts.group(1) == ascii_filename(item.original_name)
            assert unquote(parts.group(2)) == item.original_name
    assert Attachment.objects.count() == len(names) > 600


def test_a_name_too_long_for_the_form_parser_is_a_bad_request_not_an_error(
    client, alice, open_space
):
    client.force_login(alice)
    name = "\U0001f600" * 200 + ".pdf"
    assert not fits(name)
    body, content_type = multipart(
        {"kind": "discussion", "title": "T", "body": "B"}, [(name, files.pdf())]
    )
    response = client.post(
        reverse("conversations:topic-new", args=[open_space.slug]), body, content_type=content_type
    )
    assert response.status_code == 400
    assert Attachment.objects.count() == 0


def test_naughty_names_in_refusals_are_escaped(client, alice, open_space):
    client.force_login(alice)
    url = reverse("conversations:topic-new", args=[open_space.slug])
    for text in [payload for payload in PAYLOADS if "<" in payload][:40]:
        body, content_type = multipart(
            {"kind": "discussion", "title": "T", "body": "B"}, [(f"{text}.pdf", b"not a pdf")]
        )
        cache.clear()
        response = client.post(url, body, content_type=content_type)
        assert response.status_code == 200
        name = as_django_reads_it(f"{text}.pdf")
        errors = re.findall(r'<ul class="errorlist".*?</ul>', response.text, re.DOTALL)
        assert not SCRIPT.search("".join(errors)), text
        assert escape(name) in response.text
    assert Attachment.objects.count() == 0


# Data and queries ----------------------------------------------------------------------------


def test_a_members_data_download_lists_the_names_of_their_files(alice, sam, open_space):
    topic = services.topic_start(
        space=open_space, author=alice, title="T", body="B",
        attachments=[checked("Mine & <yours>.pdf", files.pdf())],
    )  # fmt: skip
    services.reply_post(
        topic=topic, author=sam, body="R", attachments=[checked("Sam's.pdf", files.pdf())]
    )
    [mine] = everything_about(alice)["attachments"]
    assert mine["name"] == "Mine & <yours>.pdf"
    assert mine["kind"] == "pdf"
    assert mine["reply"] is None
