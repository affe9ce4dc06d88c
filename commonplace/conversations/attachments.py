"""Checking an uploaded file before anything is kept: files attached to topics and replies
here, and (through ``check_file``) the files of library resources.

The type comes from the content, never from the file's name or the type the browser claims,
and the name must then agree with it: a reader who downloads "report.pdf" gets a PDF. Images
go through the checks profile photos go through (real format, pixel count, markup hidden
inside, a second file riding after the end); a PDF must be a whole PDF; an Office document
(.docx, .xlsx, .pptx) must be a real one: a ZIP that opens, stays small when unpacked, carries
no macros, and holds the main part of exactly one kind of document, which decides its type.
"""

import io
import warnings
import zipfile
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from commonplace.conversations.models import Attachment
from commonplace.people import photos

# "%%EOF" ends every PDF, give or take the line ends and padding some writers add after it.
PDF_TAIL = 1024
ZIP_MAX_MEMBERS = 2000
ZIP_MAX_UNPACKED = 100 * 1024 * 1024
ZIP_MAX_RATIO = 100
# Small parts of a document may pack very tightly without harm; a bomb needs size.
ZIP_RATIO_FROM = 64 * 1024
CONTENT_TYPES_PART = "[Content_Types].xml"
EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class FileType:
    # The same values as Attachment.Kind and ResourceFile.Kind: each caller turns it into its
    # own model's choice.
    kind: str
    content_type: str
    extensions: tuple[str, ...]
    image_format: str = ""
    # An Office document: the part only this kind of document has.
    main_part: str = ""


PDF = FileType("pdf", "application/pdf", (".pdf",))
DOCX = FileType(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    (".docx",),
    main_part="word/document.xml",
)
XLSX = FileType(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    (".xlsx",),
    main_part="xl/workbook.xml",
)
PPTX = FileType(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    (".pptx",),
    main_part="ppt/presentation.xml",
)
JPEG = FileType("image", "image/jpeg", (".jpg", ".jpeg"), "JPEG")
PNG = FileType("image", "image/png", (".png",), "PNG")
WEBP = FileType("image", "image/webp", (".webp",), "WEBP")
GIF = FileType("image", "image/gif", (".gif",), "GIF")
OFFICE = (DOCX, XLSX, PPTX)
# What a topic or reply accepts, in the order the file input offers them.
ATTACHMENT_TYPES = (JPEG, PNG, WEBP, GIF, PDF, DOCX)


def accept(types: tuple[FileType, ...]) -> str:
    """The file input's ``accept``: what it offers first; the content decides in the end."""
    return ",".join(
        [ext for kind in types for ext in kind.extensions] + [kind.content_type for kind in types]
    )


ACCEPT = accept(ATTACHMENT_TYPES)


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed every check: what the services store."""

    name: str
    kind: str
    content_type: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


class FileRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# The name conversations' forms know the refusal by.
AttachmentRefused = FileRefused


def check(upload: UploadedFile) -> CheckedFile:
    """The file as it will be attached, or AttachmentRefused with a sentence for the person.

    JPEG images come back re-saved without their EXIF data (a phone's photo carries where it was
    taken); every other file comes back byte for byte.
    """
    checked = check_file(
        upload,
        types=ATTACHMENT_TYPES,
        max_bytes=settings.ATTACHMENT_MAX_BYTES,
        not_accepted=_(
            "“%(name)s” is not a kind of file we accept. Please choose a JPEG, PNG, WebP "
            "or GIF image, a PDF, or a Word document (.docx)."
        ),
        not_office=_(
            "“%(name)s” is not a Word document we can accept. Please save it as a .docx file "
            "and try again."
        ),
    )
    return replace(checked, kind=Attachment.Kind(checked.kind))


def check_file(
    upload: UploadedFile,
    *,
    types: tuple[FileType, ...],
    max_bytes: int,
    not_accepted: str,
    not_office: str,
) -> CheckedFile:
    """The upload as it will be stored if it is one of ``types`` and at most ``max_bytes``, or
    FileRefused with a sentence for the person naming the file.

    ``not_accepted`` and ``not_office`` are the caller's sentences, holding ``%(name)s``, for a
    file of no type it accepts and for a ZIP that is none of the Office documents it accepts.
    JPEG images come back re-saved without their metadata; every other file byte for byte.
    """
    name = upload.name or ""
    data = b""
    # Checked before reading anything, and again on what was read: the size an upload claims
    # need not be the truth.
    if (upload.size or 0) <= max_bytes:
        upload.seek(0)
        data = upload.read(max_bytes + 1)
        upload.seek(0)
    if (upload.size or 0) > max_bytes or len(data) > max_bytes:
        raise _refused(
            _("“%(name)s” is larger than %(size)s. Please choose a smaller file."),
            name,
            size=filesizeformat(max_bytes),
        )
    if data.startswith(b"PK\x03\x04"):
        found: FileType | None = _office(name, data, types, not_office)
    else:
        found = detect(data)
    if found is None or found not in types:
        raise _refused(not_accepted, name)
    # Whatever follows the last dot, so that a file called just ".pdf" is a PDF too.
    extension = "." + name.rpartition(".")[2].lower() if "." in name else ""
    if extension not in found.extensions:
        raise _refused(
            _(
                "“%(name)s” is %(what)s, but its name does not end in %(extensions)s. "
                "Please rename it and try again."
            ),
            name,
            what=_described(found),
            extensions=" / ".join(found.extensions),
        )
    if found is PDF:
        content = _pdf(name, data)
    elif found in OFFICE:
        content = data  # already checked, to know which kind it is
    else:
        content = _image(name, data, found)
    return CheckedFile(name=name, kind=found.kind, content_type=found.content_type, content=content)


def detect(data: bytes) -> FileType | None:
    """The type the first bytes announce; the checks that follow make sure it holds. A ZIP
    needs opening to know which Office document it is (``_office``)."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return WEBP
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    return None


def _described(found: FileType) -> str:
    if found is PDF:
        return _("a PDF")
    if found is DOCX:
        return _("a Word document")
    if found is XLSX:
        return _("an Excel spreadsheet")
    if found is PPTX:
        return _("a PowerPoint presentation")
    return _("a %(format)s image") % {"format": found.image_format.replace("WEBP", "WebP")}


def _refused(message: str, name: str, **values) -> FileRefused:
    # The name goes in as a value, never into the sentence itself: a name holding "%(" or
    # markup stays plain text, escaped wherever the message is shown.
    return FileRefused(message % {"name": name, **values})


def _pdf(name: str, data: bytes) -> bytes:
    if b"%%EOF" not in data[-PDF_TAIL:]:
        raise _refused(
            _("“%(name)s” is not a complete PDF. Please save it again and attach the new copy."),
            name,
        )
    return data


def _macros(found: FileType) -> str:
    if found is XLSX:
        return _(
            "“%(name)s” contains macros, which could run on readers' computers. Please save "
            "it as an Excel spreadsheet without macros (.xlsx)."
        )
    if found is PPTX:
        return _(
            "“%(name)s” contains macros, which could run on readers' computers. Please save "
            "it as a PowerPoint presentation without macros (.pptx)."
        )
    return _(
        "“%(name)s” contains macros, which could run on readers' computers. "
        "Please save it as a Word document without macros (.docx)."
    )


def _office(name: str, data: bytes, accepted: tuple[FileType, ...], not_office: str) -> FileType:
    """Which Office document the ZIP is, from the parts it holds, if it is one of ``accepted``.

    Only its list of parts and its small [Content_Types].xml are read: nothing is unpacked
    here, but readers' office programs will unpack it, so a ZIP bomb is refused.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > ZIP_MAX_MEMBERS:
                raise _refused(not_office, name)
            unpacked = sum(member.file_size for member in members)
            if unpacked > ZIP_MAX_UNPACKED or any(
                member.file_size > ZIP_RATIO_FROM
                and member.file_size > ZIP_MAX_RATIO * max(member.compress_size, 1)
                for member in members
            ):
                raise _refused(
                    _(
                        "“%(name)s” would unpack to far more than its size, as harmful archives "
                        "do, so it cannot be attached."
                    ),
                    name,
                )
            names = {member.filename for member in members}
            # Exactly one main part: a ZIP claiming to be two kinds at once is neither.
            kinds = [kind for kind in OFFICE if kind.main_part in names]
            if CONTENT_TYPES_PART not in names or len(kinds) != 1 or kinds[0] not in accepted:
                raise _refused(not_office, name)
            found = kinds[0]
            with archive.open(CONTENT_TYPES_PART) as types_file:
                types = types_file.read(1024 * 1024).lower()
            # A .docm, .xlsm or .pptm renamed still declares its macros in the content types.
            if b"macroenabled" in types or any(
                part.lower().endswith("vbaproject.bin") for part in names
            ):
                raise _refused(_macros(found), name)
    except FileRefused:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, RuntimeError):
        # RuntimeError: an encrypted part; the others: a broken or truncated archive.
        raise _refused(not_office, name) from None
    except NotImplementedError:  # a compression method zipfile does not know
        raise _refused(not_office, name) from None
    return found


def _image(name: str, data: bytes, found: FileType) -> bytes:
    too_many_pixels = _("“%(name)s” is too large in pixels. Please choose a smaller image.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            # Some cameras write MPO: a JPEG with further pictures after it. Re-saving keeps
            # only the first, like any JPEG.
            if probe.format not in ({found.image_format} | ({"MPO"} if found is JPEG else set())):
                raise _refused(_("“%(name)s” is not an image we can read."), name)
            width, height = probe.size
            if width * height > photos.MAX_PIXELS:
                raise _refused(too_many_pixels, name)
            head = data[:65536].lower()
            if any(marker in head for marker in photos.FOREIGN_MARKERS) or (
                photos.has_trailing_data(found.image_format, data)
            ):
                raise _refused(
                    _("“%(name)s” holds more than an image, so it cannot be attached."), name
                )
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
            if found is JPEG:
                return _jpeg_without_metadata(image)
    except FileRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refused(too_many_pixels, name) from None
    except Exception:  # anything Pillow cannot decode is not an image we can show
        raise _refused(_("“%(name)s” is not an image we can read."), name) from None
    return data


def _jpeg_without_metadata(image: Image.Image) -> bytes:
    """The photo re-saved with no EXIF (place, time, camera), XMP or comment. A photo that
    relied on its EXIF orientation is turned upright first, as it no longer carries it."""
    orientation = image.getexif().get(EXIF_ORIENTATION, 1)
    output = io.BytesIO()
    options: dict = {"icc_profile": image.info.get("icc_profile"), "comment": b""}
    if orientation == 1 and image.format == "JPEG":
        # The same quantization tables as the original, so the picture loses nothing more.
        image.save(output, "JPEG", quality="keep", subsampling="keep", **options)
    else:
        ImageOps.exif_transpose(image).save(output, "JPEG", quality=90, **options)
    return output.getvalue()
