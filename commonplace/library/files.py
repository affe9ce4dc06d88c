"""Checking a file added to a library resource before anything is kept.

The same checks as files attached to posts (commonplace/conversations/attachments.py), over
more kinds: PDFs, Word, Excel and PowerPoint documents, and images. The type comes from the
content, and the name must agree with it.
"""

from dataclasses import replace

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from commonplace.conversations import attachments
from commonplace.conversations.attachments import CheckedFile, FileRefused
from commonplace.library.models import ResourceFile

__all__ = ["ACCEPT", "TYPES", "CheckedFile", "FileRefused", "check"]

# In the order the file input offers them: documents first, as most resources are.
TYPES = (
    attachments.PDF,
    attachments.DOCX,
    attachments.XLSX,
    attachments.PPTX,
    attachments.JPEG,
    attachments.PNG,
    attachments.WEBP,
    attachments.GIF,
)
ACCEPT = attachments.accept(TYPES)


def check(upload: UploadedFile) -> CheckedFile:
    """The file as it will be stored, with ``kind`` a ``ResourceFile.Kind``, or FileRefused
    with a sentence for the person naming the file, in their language.

    Larger than ``LIBRARY_FILE_MAX_BYTES`` is refused before the file is read. JPEG images come
    back without their metadata; every other file byte for byte.
    """
    checked = attachments.check_file(
        upload,
        types=TYPES,
        max_bytes=settings.LIBRARY_FILE_MAX_BYTES,
        not_accepted=_(
            "“%(name)s” is not a kind of file the library accepts. Please choose a PDF, a Word "
            "document (.docx), an Excel spreadsheet (.xlsx), a PowerPoint presentation (.pptx), "
            "or a JPEG, PNG, WebP or GIF image."
        ),
        not_office=_(
            "“%(name)s” is not an Office document we can accept. Please save it as a Word "
            "document (.docx), an Excel spreadsheet (.xlsx) or a PowerPoint presentation "
            "(.pptx) and try again."
        ),
    )
    return replace(checked, kind=ResourceFile.Kind(checked.kind))
