"""Small, real documents written from text: the PDFs and Word files of the demo library.

The demo needs files that behave like members' uploads (they pass ``files.check``, they open
in any reader, the worker reads their words for search), yet the project should not take on a
document library only to write a few pages of demo text. A PDF of plain text in a standard
font and a minimal .docx are simple enough to write by hand; this module does that and
nothing more.

Both take a title and paragraphs. A paragraph that starts with "## " is a heading.
"""

import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

HEADING = "## "

# --- PDF ----------------------------------------------------------------------------------------

# US Letter, one-inch margins, in points.
PAGE_WIDTH, PAGE_HEIGHT = 612, 792
MARGIN = 72
FOOTER_Y = 40
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN

# Glyph widths (thousandths of the font size) of the printable ASCII characters, from the
# Adobe font metrics of the two standard fonts used: enough to wrap lines where a reader
# would. Accented letters are as wide as the letter they are built on.
HELVETICA = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
HELVETICA_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
# Punctuation beyond ASCII that French and English text use, at the wider of the two fonts'
# widths (a line wrapped a little early does no harm).
WIDER = {
    "«": 556, "»": 556, "\u2039": 333, "\u203a": 333, "—": 1000, "\u2013": 556, "…": 1000,
    "\u2018": 278, "\u2019": 278, "“": 500, "”": 500, "•": 350, "€": 556, "œ": 944,
    "Œ": 1000, "æ": 889, "Æ": 1000, "\xa0": 278, "°": 400, "·": 278,
}  # fmt: skip
# Characters WinAnsiEncoding lacks, written as the nearest one it has.
NEAREST = str.maketrans({"\u202f": "\xa0", "\u2009": " ", "\u2011": "-", "\u2212": "-"})


@dataclass(frozen=True)
class Font:
    resource: str  # its name in the page's resources
    base: str
    widths: dict[str, int]

    def width(self, text: str, size: float) -> float:
        return sum(self._glyph(character) for character in text) * size / 1000

    def _glyph(self, character: str) -> int:
        if character in self.widths:
            return self.widths[character]
        if character in WIDER:
            return WIDER[character]
        base = unicodedata.normalize("NFKD", character)[:1]
        return self.widths.get(base, 556)


def _widths(table: str) -> dict[str, int]:
    return {chr(32 + index): int(width) for index, width in enumerate(table.split())}


REGULAR = Font("F1", "Helvetica", _widths(HELVETICA))
BOLD = Font("F2", "Helvetica-Bold", _widths(HELVETICA_BOLD))


@dataclass(frozen=True)
class Style:
    font: Font
    size: float
    leading: float
    space_before: float


TITLE = Style(BOLD, 18, 23, 0)
SUBHEADING = Style(BOLD, 13, 17, 10)
BODY = Style(REGULAR, 11, 15, 7)
FOOTER = Style(REGULAR, 9, 11, 0)


@dataclass(frozen=True)
class Line:
    text: str
    style: Style
    x: float
    y: float


def pdf(title: str, paragraphs: Sequence[str], *, language: str = "en") -> bytes:
    """A PDF of ``title`` and ``paragraphs`` in Helvetica, wrapped to the width of a Letter
    page and continued on as many pages as it takes, each numbered. Text is encoded in
    WinAnsiEncoding, so French accents, « » and curly apostrophes print and read back; a
    character that encoding lacks prints as "?". ``language`` ("en" or "fr") is declared for
    screen readers.
    """
    pages = _layout(title, paragraphs)
    count = len(pages)
    for number, page in enumerate(pages, start=1):
        label = f"{number} / {count}"
        centred = (PAGE_WIDTH - FOOTER.font.width(label, FOOTER.size)) / 2
        page.append(Line(label, FOOTER, centred, FOOTER_Y))
    # 1 catalogue, 2 page tree, 3 and 4 the fonts, 5 the document's information, then a page
    # and its contents for each page.
    kids = " ".join(f"{6 + 2 * index} 0 R" for index in range(count))
    lang = "fr-CA" if language == "fr" else "en-CA"
    objects = [
        f"<< /Type /Catalog /Pages 2 0 R /Lang ({lang}) >>".encode(),
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        _font_object(REGULAR),
        _font_object(BOLD),
        b"<< /Title <" + _utf16_hex(title) + b"> /Producer (Commonplace demo library) >>",
    ]
    for index, page in enumerate(pages):
        stream = b"\n".join(_show(line) for line in page) + b"\n"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Contents {7 + 2 * index} 0 R "
            "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream")
    return _assemble(objects)


def _layout(title: str, paragraphs: Sequence[str]) -> list[list[Line]]:
    blocks = [(TITLE, title)]
    for paragraph in paragraphs:
        if paragraph.startswith(HEADING):
            blocks.append((SUBHEADING, paragraph[len(HEADING) :]))
        else:
            blocks.append((BODY, paragraph))
    pages: list[list[Line]] = [[]]
    y: float = PAGE_HEIGHT - MARGIN
    for style, text in blocks:
        wrapped = _wrap(text, style)
        if pages[-1]:
            y -= style.space_before
        # A heading keeps at least two lines of what follows it on its page.
        needed = style.leading * (len(wrapped) + (2 if style is SUBHEADING else 0))
        if style is SUBHEADING and y - needed < MARGIN and pages[-1]:
            pages.append([])
            y = PAGE_HEIGHT - MARGIN
        for text_line in wrapped:
            if y - style.leading < MARGIN and pages[-1]:
                pages.append([])
                y = PAGE_HEIGHT - MARGIN
            y -= style.leading
            pages[-1].append(Line(text_line, style, MARGIN, y))
    return pages


def _wrap(text: str, style: Style) -> list[str]:
    """The paragraph cut into lines no wider than the text column, at spaces (a no-break
    space holds its words together); a word wider than the column is cut where it overflows."""
    text = text.translate(NEAREST)
    words = [word for word in re.split(r"[ \t\r\n]+", text) if word]
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if style.font.width(candidate, style.size) <= TEXT_WIDTH:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while style.font.width(word, style.size) > TEXT_WIDTH:
            cut = len(word) - 1
            while cut > 1 and style.font.width(word[:cut], style.size) > TEXT_WIDTH:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines or [""]


def _show(line: Line) -> bytes:
    return b"BT /%s %g Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (
        line.style.font.resource.encode(),
        line.style.size,
        line.x,
        line.y,
        pdf_string(line.text),
    )


def pdf_string(text: str) -> bytes:
    """``text`` as the inside of a PDF literal string in WinAnsiEncoding: backslashes and
    parentheses escaped, and every byte outside printable ASCII written as an octal escape,
    so the content stream itself stays plain ASCII."""
    encoded = text.translate(NEAREST).encode("cp1252", errors="replace")
    out = bytearray()
    for byte in encoded:
        if byte in b"\\()":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out)


def _font_object(font: Font) -> bytes:
    return (
        f"<< /Type /Font /Subtype /Type1 /BaseFont /{font.base} /Encoding /WinAnsiEncoding >>"
    ).encode()


def _utf16_hex(text: str) -> bytes:
    # A text string outside the content streams (the title readers show) is UTF-16 with its
    # byte order mark, so any character survives.
    return ("\ufeff" + text).encode("utf-16-be").hex().upper().encode()


def _assemble(objects: list[bytes]) -> bytes:
    # The second line's high bytes tell transfer tools the file is binary.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    # Each entry is exactly 20 bytes, its line end included.
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# --- Word -----------------------------------------------------------------------------------

WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# A fixed date inside the archive: the same text always makes the same bytes.
ZIP_DATE = (2025, 1, 1, 0, 0, 0)
# What XML 1.0 cannot hold at all, even escaped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
    'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    "</Relationships>"
)
CORE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    "<cp:coreProperties "
    'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>{title}</dc:title><dc:language>{language}</dc:language>"
    "<dc:creator>Commonplace demo library</dc:creator>"
    "</cp:coreProperties>"
)
# Letter paper, one-inch margins (in twentieths of a point).
SECTION = (
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" '
    'w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
)


def docx(title: str, paragraphs: Sequence[str], *, language: str = "en") -> bytes:
    """A Word document (.docx) of ``title`` and ``paragraphs``: the few parts Word needs
    ([Content_Types].xml, _rels/.rels, word/document.xml) and its title in docProps/core.xml.
    Text is XML-escaped; a line break inside a paragraph stays a line break."""
    lang = "fr-CA" if language == "fr" else "en-CA"
    body = [_paragraph(title, lang, size=36, after=240)]
    for paragraph in paragraphs:
        if paragraph.startswith(HEADING):
            body.append(_paragraph(paragraph[len(HEADING) :], lang, size=28, after=120))
        else:
            body.append(_paragraph(paragraph, lang, size=0, after=160))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{WORD}"><w:body>{"".join(body)}{SECTION}</w:body></w:document>'
    )
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELATIONSHIPS,
        "word/document.xml": document,
        "docProps/core.xml": CORE.format(title=_xml_text(title), language=lang),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def _paragraph(text: str, lang: str, *, size: int, after: int) -> str:
    """One paragraph; a ``size`` (half-points) makes it a bold heading of that size."""
    look = f'<w:b/><w:sz w:val="{size}"/>' if size else ""
    properties = f"<w:rPr>{look}<w:lang w:val={quoteattr(lang)}/></w:rPr>"
    runs = "<w:br/>".join(
        f'<w:t xml:space="preserve">{_xml_text(line)}</w:t>' for line in text.split("\n")
    )
    spacing = f'<w:pPr><w:spacing w:after="{after}"/></w:pPr>'
    return f"<w:p>{spacing}<w:r>{properties}{runs}</w:r></w:p>"


def _xml_text(text: str) -> str:
    return escape(NOT_XML.sub("", text.replace("\t", " ")))
