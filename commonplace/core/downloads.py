"""Headers for files members uploaded, served back to other members.

A member's file name is untrusted text that ends up in a response header. It goes out twice:
percent-encoded in ``filename*`` (RFC 5987/6266), exactly as it was uploaded, for every current
browser; and as a plain ASCII ``filename`` for older clients, with anything that could end the
quoted string, the header or the line replaced.
"""

import re
import unicodedata
from urllib.parse import quote

FALLBACK_STEM = "file"
_UNSAFE = re.compile(r"[^A-Za-z0-9 ._()+-]+")


def ascii_filename(name: str) -> str:
    """A plain ASCII stand-in for ``name``: accents dropped, anything else replaced by "_"."""
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""

    def plain(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        text = re.sub(r"_{2,}", "_", _UNSAFE.sub("_", text))
        return re.sub(r" {2,}", " ", text).strip(" ._")

    stem, extension = plain(stem)[:150], plain(extension)[:20]
    return f"{stem or FALLBACK_STEM}{'.' + extension if extension else ''}"


def content_disposition(name: str, *, inline: bool = False) -> str:
    """The Content-Disposition header offering ``name``; safe whatever ``name`` holds."""
    encoded = quote(name.encode("utf-8", "replace"), safe="")
    disposition = "inline" if inline else "attachment"
    return f"{disposition}; filename=\"{ascii_filename(name)}\"; filename*=UTF-8''{encoded}"
