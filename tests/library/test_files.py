"""Files added to library resources: every kind the library keeps is accepted and comes back as
a ResourceFile kind; programs, fakes, ZIP bombs, mislabelled documents and oversized uploads are
refused with a sentence naming the file; no name at all makes the check fail any other way."""

import io
import zipfile

import pytest
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile, UploadedFile
from django.utils import translation

from commonplace.conversations import attachments
from commonplace.library import files
from commonplace.library.models import ResourceFile
from tests.conversations import files as made
from tests.conversations.test_attachments import NAUGHTY

WORKBOOK_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="{part}" ContentType="{type}"/></Types>'
)
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
PPTX_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
# An ELF program's first bytes: the magic number, 64-bit, little-endian.
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(300)


def office(main_part: str, main_type: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A small Office document of the kind ``main_part`` makes it: its content types and its
    main part, as Excel or PowerPoint would write them (trimmed to what matters here)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml", WORKBOOK_TYPES.format(part="/" + main_part, type=main_type)
        )
        archive.writestr(main_part, "<root/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def xlsx(**options) -> bytes:
    return office("xl/workbook.xml", XLSX_MAIN, **options)


def pptx() -> bytes:
    return office("ppt/presentation.xml", PPTX_MAIN)


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(files.FileRefused) as refused:
        files.check(upload(name, data))
    return refused.value.message


# Accepted -----------------------------------------------------------------------------------

ACCEPTED = [
    ("Care plan.pdf", made.pdf, "pdf", "application/pdf"),
    ("Minutes.docx", made.docx, "docx", ResourceFile.DOCX_TYPE),
    ("Volunteer rota.xlsx", xlsx, "xlsx", ResourceFile.XLSX_TYPE),
    ("Workshop slides.pptx", pptx, "pptx", ResourceFile.PPTX_TYPE),
    ("Garden.jpg", lambda: made.image("JPEG"), "image", "image/jpeg"),
    ("Map.png", lambda: made.image("PNG"), "image", "image/png"),
    ("Poster.webp", lambda: made.image("WEBP"), "image", "image/webp"),
    ("Wave.gif", lambda: made.image("GIF"), "image", "image/gif"),
]


@pytest.mark.parametrize(("name", "make", "kind", "content_type"), ACCEPTED)
def test_every_kind_the_library_keeps_is_accepted(name, make, kind, content_type):
    data = make()
    checked = files.check(upload(name, data))
    assert checked.name == name
    assert checked.kind == kind
    assert isinstance(checked.kind, ResourceFile.Kind)
    assert checked.content_type == content_type
    # The stored file gets its extension from the type the content showed.
    assert content_type in ResourceFile.EXTENSIONS
    if kind != "image":
        assert checked.content == data


def test_the_file_input_offers_every_kind():
    for extension in (".pdf", ".docx", ".xlsx", ".pptx", ".jpg", ".jpeg", ".png", ".webp", ".gif"):
        assert extension in files.ACCEPT.split(",")
    assert ResourceFile.PPTX_TYPE in files.ACCEPT.split(",")


def test_attachments_to_posts_still_take_no_spreadsheets():
    with pytest.raises(attachments.AttachmentRefused) as refused:
        attachments.check(upload("rota.xlsx", xlsx()))
    assert refused.value.message.startswith("“rota.xlsx” is not a Word document we can accept.")
    assert attachments.check(upload("notes.docx", made.docx())).kind == "docx"


# Refused ------------------------------------------------------------------------------------

REFUSALS = [
    (
        "a Windows program renamed .pdf",
        "invoice.pdf",
        lambda: made.EXECUTABLE,
        "“invoice.pdf” is not a kind of file the library accepts. Please choose a PDF,",
    ),
    (
        "a Linux program renamed .pdf",
        "report.pdf",
        lambda: ELF,
        "“report.pdf” is not a kind of file the library accepts.",
    ),
    (
        "a text file claiming to be a PDF",
        "notes.pdf",
        lambda: b"Just some notes, not a PDF at all.\n",
        "“notes.pdf” is not a kind of file the library accepts.",
    ),
    (
        "a PDF cut short",
        "cut.pdf",
        lambda: made.pdf()[:-40],
        "“cut.pdf” is not a complete PDF.",
    ),
    (
        "a ZIP bomb disguised as .docx",
        "minutes.docx",
        made.zip_bomb_docx,
        "“minutes.docx” would unpack to far more than its size",
    ),
    (
        "a spreadsheet renamed .docx",
        "budget.docx",
        xlsx,
        "“budget.docx” is an Excel spreadsheet, but its name does not end in .xlsx.",
    ),
    (
        "slides renamed .pdf",
        "talk.pdf",
        pptx,
        "“talk.pdf” is a PowerPoint presentation, but its name does not end in .pptx.",
    ),
    (
        "a Word document with macros",
        "letter.docx",
        made.macro_docx,
        "“letter.docx” contains macros",
    ),
    (
        "a macro workbook renamed .xlsx",
        "rota.xlsx",
        lambda: office("xl/workbook.xml", XLSM_MAIN),
        "“rota.xlsx” contains macros, which could run on readers' computers. Please save it "
        "as an Excel spreadsheet without macros (.xlsx).",
    ),
    (
        "a workbook carrying a macro project",
        "plan.xlsx",
        lambda: xlsx(extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + bytes(600)}),
        "“plan.xlsx” contains macros",
    ),
    (
        "a ZIP that is two kinds of document at once",
        "both.docx",
        lambda: made.docx(extra={"xl/workbook.xml": b"<workbook/>"}),
        "“both.docx” is not an Office document we can accept.",
    ),
    (
        "a ZIP of holiday photos named .docx",
        "photos.docx",
        lambda: office("photos/index.xml", "application/xml"),
        "“photos.docx” is not an Office document we can accept.",
    ),
    (
        "a ZIP cut short",
        "short.docx",
        lambda: made.docx()[:200],
        "“short.docx” is not an Office document we can accept.",
    ),
    (
        "an SVG with a script",
        "logo.svg",
        lambda: made.SVG_WITH_SCRIPT,
        "“logo.svg” is not a kind of file the library accepts.",
    ),
    (
        "an image with a page riding after it",
        "badge.png",
        lambda: made.image("PNG") + b"<html><script>alert(1)</script>",
        "“badge.png” holds more than an image",
    ),
    (
        "a JPEG named .png",
        "garden.png",
        lambda: made.image("JPEG"),
        "“garden.png” is a JPEG image, but its name does not end in .jpg / .jpeg.",
    ),
]


@pytest.mark.parametrize(
    ("name", "make", "message"), [case[1:] for case in REFUSALS], ids=[c[0] for c in REFUSALS]
)
def test_a_hostile_or_unsuitable_file_is_refused_with_a_sentence_naming_it(name, make, message):
    assert refusal(name, make()).startswith(message)


def test_a_file_over_the_limit_is_refused(settings):
    settings.LIBRARY_FILE_MAX_BYTES = 100_000
    assert refusal("Big.pdf", made.pdf(padding=150_000)) == (
        "“Big.pdf” is larger than 97.7\xa0KB. Please choose a smaller file."
    )
    assert files.check(upload("Small.pdf", made.pdf(padding=90_000))).kind == "pdf"


class CountingBytes(io.BytesIO):
    """Remembers how many bytes were read from it."""

    read_so_far = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.read_so_far += len(data)
        return data


def test_an_upload_lying_about_its_size_is_read_no_further_than_the_limit(settings):
    settings.LIBRARY_FILE_MAX_BYTES = 100_000
    content = CountingBytes(made.pdf(padding=5_000_000))
    lying = InMemoryUploadedFile(content, "file", "Small.pdf", "application/pdf", 1_000, None)
    with pytest.raises(files.FileRefused) as refused:
        files.check(lying)
    assert refused.value.message.startswith("“Small.pdf” is larger than 97.7")
    assert content.read_so_far == 100_001


class GigabyteUpload(UploadedFile):
    """An upload claiming a whole gigabyte; reading any of it fails the test."""

    def __init__(self):
        super().__init__(file=None, name="Archive.pdf", content_type="application/pdf", size=2**30)

    def read(self, *args, **kwargs):
        raise AssertionError("a file over the limit was read")

    def seek(self, *args, **kwargs):
        raise AssertionError("a file over the limit was opened")


def test_a_gigabyte_upload_is_refused_without_reading_it():
    with pytest.raises(files.FileRefused) as refused:
        files.check(GigabyteUpload())
    assert refused.value.message == (
        "“Archive.pdf” is larger than 25.0\xa0MB. Please choose a smaller file."
    )


def test_a_refusal_is_in_the_persons_language():
    with translation.override("fr"):
        message = refusal("plan.docx", made.pdf())
    assert message.startswith("« plan.docx » ")
    assert "PDF" in message


# Names --------------------------------------------------------------------------------------


def checked_or_refused(item: UploadedFile) -> files.CheckedFile | files.FileRefused:
    try:
        return files.check(item)
    except files.FileRefused as refused:
        return refused


def test_naughty_names_are_kept_exactly_or_refused_with_the_name_as_written():
    document = made.pdf()
    seen = 0
    for text in NAUGHTY:
        for name in (f"{text}.pdf", text, f"{text}.docx"):
            try:
                item = upload(name, document)
            except SuspiciousFileOperation:
                continue  # Django makes no upload of an empty name, nor of "." or ".."
            kept = item.name  # what Django's upload keeps of it (no path, at most 255 bytes)
            result = checked_or_refused(item)
            if isinstance(result, files.FileRefused):
                # The name is a value in the sentence, never part of its format: "%(name)s" or
                # "%s" in a name comes out as written.
                assert f"“{kept}”" in result.message, name
            else:
                assert result.name == kept
                assert result.kind == "pdf"
                assert result.content == document
            seen += 1
    assert seen > 1000
