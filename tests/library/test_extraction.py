"""Reading the words inside library files: real PDFs and Word documents give up their text, a
broken or locked file is marked as unreadable with a reason and a warning, never an error in
the worker, and nothing hostile inside a file (entities, huge documents) gets further."""

import io
import logging
import zipfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from pypdf import PdfReader, PdfWriter

from commonplace.library import extraction, finding
from commonplace.library.models import Resource, ResourceFile, ResourceKind
from commonplace.library.tasks import read_file_text, schedule_reading
from tests.conversations.files import pdf

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CORRUPT_PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


def docx(body: str, *, doctype: str = "") -> bytes:
    """A Word document whose body is ``body`` (WordprocessingML paragraphs)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{WORD}"><w:body>{body}</w:body></w:document>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def paragraph(*runs: str) -> str:
    return "<w:p>" + "".join(f"<w:r>{run}</w:r>" for run in runs) + "</w:p>"


MINUTES = docx(
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
    '<w:r><w:t xml:space="preserve">Respite </w:t></w:r><w:r><w:t>volunteers</w:t></w:r></w:p>'
    + paragraph("<w:t>Hospice</w:t>", "<w:tab/>", "<w:t>&amp; home care &#233;t&#xE9;</w:t>")
    + paragraph("<w:t>Line one</w:t>", "<w:br/>", "<w:t>line two</w:t>")
    + "<w:tbl><w:tr><w:tc>"
    + paragraph("<w:t>In a table</w:t>")
    + "</w:tc></w:tr></w:tbl>"
)


# Reading text -------------------------------------------------------------------------------


def test_the_text_of_a_pdf_is_read():
    assert extraction.text_of("pdf", pdf("Respite volunteers meet on Tuesdays")) == (
        "Respite volunteers meet on Tuesdays"
    )


def test_the_pages_of_a_pdf_are_read_in_order_up_to_the_cap(monkeypatch):
    document = pdf("Caregivers", "Neighbours", "Clinicians")
    assert extraction.text_of("pdf", document).split() == ["Caregivers", "Neighbours", "Clinicians"]
    monkeypatch.setattr(extraction, "MAX_PAGES", 2)
    assert "Clinicians" not in extraction.text_of("pdf", document)


def test_the_text_of_a_word_document_is_read_paragraph_by_paragraph():
    assert extraction.text_of("docx", MINUTES) == (
        "Respite volunteers\nHospice\t& home care été\nLine one\nline two\nIn a table"
    )


def test_text_is_cut_at_the_character_cap(monkeypatch):
    monkeypatch.setattr(extraction, "MAX_CHARACTERS", 12)
    assert extraction.text_of("docx", MINUTES) == "Respite volu"
    assert extraction.text_of("pdf", pdf("Respite volunteers")) == "Respite volu"


def test_entities_a_document_declares_are_never_expanded():
    laughs = '<!DOCTYPE w:document [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    document = docx(paragraph("<w:t>Ha &lol2; &#0;ha</w:t>"), doctype=laughs)
    # NUL, which PostgreSQL cannot store, is dropped too.
    assert extraction.text_of("docx", document) == "Ha &lol2; ha"


@pytest.mark.parametrize("kind", ["xlsx", "pptx", "image", "something else"])
def test_other_kinds_have_no_text_to_read(kind):
    assert extraction.text_of(kind, b"anything at all") == ""


UNREADABLE = [
    ("pdf", CORRUPT_PDF, "The PDF could not be read"),
    ("pdf", b"", "The PDF could not be read"),
    ("docx", b"PK\x03\x04 not really a zip", "The Word document could not be read"),
    ("docx", docx(paragraph("<w:t>x</w:t>"))[:120], "The Word document could not be read"),
]


@pytest.mark.parametrize(("kind", "content", "reason"), UNREADABLE)
def test_an_unreadable_file_raises_extraction_failed_and_nothing_else(kind, content, reason):
    with pytest.raises(extraction.ExtractionFailed, match=reason):
        extraction.text_of(kind, content)


def test_a_zip_without_a_word_document_inside_cannot_be_read():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(extraction.ExtractionFailed, match=r"\(KeyError\)"):
        extraction.text_of("docx", buffer.getvalue())


def test_a_pdf_locked_with_a_password_cannot_be_read():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf("Confidential"))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    with pytest.raises(extraction.ExtractionFailed, match="protected by a password"):
        extraction.text_of("pdf", locked.getvalue())


# The task -----------------------------------------------------------------------------------


@pytest.fixture
def resource(alice):
    kind, _created = ResourceKind.objects.get_or_create(key="guide", defaults={"name_en": "Guide"})
    return Resource.objects.create(
        kind=kind,
        title="Starting a caregivers' café",
        summary="What we learned",
        language="en",
        licence="cc-by-4.0",
        created_by=alice,
    )


@pytest.fixture
def indexed(monkeypatch):
    """The resources the task asked search to index again."""
    calls: list[int] = []
    monkeypatch.setattr(finding, "resource_indexed", calls.append)
    return calls


def stored(resource, name: str, kind: str, content: bytes) -> ResourceFile:
    content_type = {
        "pdf": "application/pdf",
        "docx": ResourceFile.DOCX_TYPE,
        "image": "image/png",
    }[kind]
    item = ResourceFile(
        resource=resource,
        uploaded_by=resource.created_by,
        original_name=name,
        kind=kind,
        content_type=content_type,
        size=len(content),
    )
    item.file.save(name, ContentFile(content))  # real storage, under this test's MEDIA_ROOT
    return item


def test_the_task_stores_the_text_of_a_word_document(resource, indexed, settings):
    item = stored(resource, "Minutes.docx", "docx", MINUTES)
    assert Path(item.file.path).is_relative_to(Path(settings.MEDIA_ROOT))
    assert read_file_text.call(item.pk) == "done"
    item.refresh_from_db()
    assert "Respite volunteers" in item.text
    assert item.extraction == ResourceFile.Extraction.DONE
    assert item.extraction_error == ""
    assert indexed == [resource.pk]


def test_the_task_stores_the_text_of_a_pdf(resource, indexed):
    item = stored(resource, "Guide.pdf", "pdf", pdf("Compassionate neighbourhoods"))
    read_file_text.call(item.pk)
    item.refresh_from_db()
    assert item.text == "Compassionate neighbourhoods"
    assert item.extraction == "done"


def test_a_corrupt_pdf_is_marked_failed_with_a_warning_and_the_task_carries_on(
    resource, indexed, caplog
):
    item = stored(resource, "Broken.pdf", "pdf", CORRUPT_PDF)
    with caplog.at_level(logging.WARNING, logger="commonplace.library"):
        assert read_file_text.call(item.pk) == "failed"
    item.refresh_from_db()
    assert item.extraction == ResourceFile.Extraction.FAILED
    assert item.extraction_error.startswith("The PDF could not be read")
    assert item.text == ""
    [record] = [r for r in caplog.records if r.name == "commonplace.library"]
    assert record.levelno == logging.WARNING
    assert str(item.pk) in record.getMessage()
    # The resource is indexed all the same: its title and text are still worth finding.
    assert indexed == [resource.pk]


def test_a_file_missing_from_storage_is_marked_failed(resource, indexed, caplog):
    item = stored(resource, "Gone.docx", "docx", MINUTES)
    Path(item.file.path).unlink()
    assert read_file_text.call(item.pk) == "failed"
    item.refresh_from_db()
    assert item.extraction_error == "The file is missing from storage."
    assert str(item.pk) in caplog.text


def test_the_task_does_nothing_for_a_file_deleted_meanwhile(indexed, db):
    assert read_file_text.call(987_654) == "gone"
    assert indexed == []


def test_an_image_is_marked_as_having_no_text_and_not_sent_to_the_worker(
    resource, django_capture_on_commit_callbacks
):
    item = stored(resource, "Map.png", "image", b"\x89PNG\r\n\x1a\n")
    with django_capture_on_commit_callbacks() as callbacks:
        schedule_reading(item)
    assert callbacks == []
    item.refresh_from_db()
    assert item.extraction == ResourceFile.Extraction.NONE


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_document_is_read_by_the_worker_once_its_upload_commits(
    resource, indexed, tasks
):
    # ``tasks`` runs the real database worker, as production's would.
    with transaction.atomic():
        item = stored(resource, "Minutes.docx", "docx", MINUTES)
        schedule_reading(item)
        assert ResourceFile.objects.get(pk=item.pk).extraction == "waiting"
    tasks()
    item.refresh_from_db()
    assert item.extraction == ResourceFile.Extraction.DONE
    assert item.text.startswith("Respite volunteers\n")


@pytest.mark.django_db(transaction=True)
def test_a_document_whose_upload_rolls_back_is_never_read(resource):
    from django_tasks_db.models import DBTaskResult

    def failing_service():
        with transaction.atomic():
            schedule_reading(stored(resource, "Minutes.docx", "docx", MINUTES))
            raise RuntimeError("the service failed after storing the file")

    with pytest.raises(RuntimeError):
        failing_service()
    assert not DBTaskResult.objects.exists()
