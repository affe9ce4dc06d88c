"""Reading the words inside a resource's PDF or Word document, so search can find them.

Runs in the worker, on files that passed the upload checks but were still made by strangers:
every read is capped (pages, bytes, characters), XML is scanned for its text runs rather than
parsed, so no entity is ever expanded, and anything that goes wrong is one ExtractionFailed.
"""

import io
import re
import zipfile

from pypdf import PdfReader

# Enough for search to know what a document is about; a 900-page report need not be read whole.
MAX_PAGES = 200
MAX_CHARACTERS = 200_000
# word/document.xml of a long report is a few megabytes; this bounds the worker's memory.
MAX_DOCUMENT_XML = 20 * 1024 * 1024

# A run of text, the end of a paragraph, or a tab or line break inside one (a tab with
# attributes is a tab stop in the paragraph's settings, not a tab). Any namespace prefix: Word
# writes "w:", other programs may choose another.
WORD_TOKENS = re.compile(
    r"<(?:[A-Za-z_][\w.-]*:)?t(?:\s[^>]*)?(?<!/)>([^<]*)</(?:[A-Za-z_][\w.-]*:)?t>"
    r"|</(?:[A-Za-z_][\w.-]*:)?p>"
    r"|<(?:[A-Za-z_][\w.-]*:)?(tab)\s*/>|<(?:[A-Za-z_][\w.-]*:)?(?:br|cr)\b[^>]*/>"
)
# Only XML's five named entities and character references: a document's own entities (the
# "billion laughs") are never expanded.
XML_ESCAPE = re.compile(r"&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));")
NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class ExtractionFailed(Exception):
    """The file's text could not be read; the message is a short reason, safe to store."""


def text_of(kind: str, content: bytes) -> str:
    """The text of a ``ResourceFile.Kind`` "pdf" or "docx" file, at most ``MAX_CHARACTERS``;
    "" for any other kind. Raises ExtractionFailed, and only that, when it cannot be read."""
    if kind == "pdf":
        text = _pdf_text(content)
    elif kind == "docx":
        text = _docx_text(content)
    else:
        return ""
    # PostgreSQL cannot store NUL in text, and broken fonts map glyphs to it.
    return text.replace("\x00", "")[:MAX_CHARACTERS].strip()


def _pdf_text(content: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionFailed("The PDF is protected by a password.")
        pages, length = [], 0
        for page in reader.pages[:MAX_PAGES]:
            text = page.extract_text() or ""
            pages.append(text)
            length += len(text)
            if length >= MAX_CHARACTERS:
                break
        return "\n\n".join(pages)
    except ExtractionFailed:
        raise
    except Exception as error:
        # A hostile or broken PDF can make pypdf raise almost anything (its own errors, but
        # also KeyError, TypeError, RecursionError…): whatever it is, this file has no text
        # we can read, and the worker must go on to the next one.
        raise ExtractionFailed(f"The PDF could not be read ({type(error).__name__}).") from error


def _docx_text(content: bytes) -> str:
    try:
        with (
            zipfile.ZipFile(io.BytesIO(content)) as archive,
            archive.open("word/document.xml") as part,
        ):
            xml = part.read(MAX_DOCUMENT_XML)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,  # no word/document.xml
        OSError,
        EOFError,
        ValueError,
        RuntimeError,  # an encrypted part
        NotImplementedError,  # a compression method zipfile does not know
    ) as error:
        raise ExtractionFailed(
            f"The Word document could not be read ({type(error).__name__})."
        ) from error
    document = xml.decode("utf-8", errors="replace")
    pieces, length = [], 0
    for token in WORD_TOKENS.finditer(document):
        run, mark = token.group(1), token.group(2)
        if run is not None:
            piece = XML_ESCAPE.sub(_unescaped, run)
        elif mark == "tab":
            piece = "\t"
        else:  # the end of a paragraph, or a line break inside one
            piece = "\n"
        pieces.append(piece)
        length += len(piece)
        if length >= MAX_CHARACTERS:
            break
    return "".join(pieces)


def _unescaped(reference: re.Match) -> str:
    hexadecimal, decimal, named = reference.groups()
    if named:
        return NAMED[named]
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    # A reference to no character at all (beyond Unicode, or a lone surrogate) reads as nothing.
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    return chr(code)
