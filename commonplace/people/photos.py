"""Checking a photo before anything is kept: its real type, its size, and what hides in it."""

import io
import warnings

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image

SIZE = 512
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
# Signs of markup hidden in an image's metadata, as in image-and-script "polyglot" files.
FOREIGN_MARKERS = (b"<script", b"<?php", b"<html", b"<svg", b"javascript:")
# How each format ends; anything after that is a second file riding along (a ZIP, a page…).
ENDINGS = {"JPEG": (b"\xff\xd9",), "PNG": (b"IEND\xaeB`\x82",), "GIF": (b";",)}
MAX_PIXELS = 40_000_000


class PhotoRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def open_checked(data: bytes) -> Image.Image:
    """The decoded image, or PhotoRefused with a sentence for the person who uploaded it."""
    if len(data) > settings.PHOTO_MAX_BYTES:
        raise PhotoRefused(
            _("This file is too large. Please choose a photo under %(size)d MB.")
            % {"size": settings.PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    head = data[:65536].lower()
    if any(marker in head for marker in FOREIGN_MARKERS):
        raise PhotoRefused(_("This file holds more than a photo, so it cannot be used."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ALLOWED_FORMATS:
                raise PhotoRefused(_("Please choose a JPEG, PNG, WebP or GIF image."))
            if has_trailing_data(probe.format, data):
                raise PhotoRefused(_("This file holds more than a photo, so it cannot be used."))
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise PhotoRefused(
                    _("This image is too large in pixels. Please choose a smaller one.")
                )
            probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
    except PhotoRefused:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoRefused(
            _("This image is too large in pixels. Please choose a smaller one.")
        ) from None
    except Exception:  # anything Pillow cannot decode is not a photo we can show
        raise PhotoRefused(
            _("This file is not an image we can read. Please choose a JPEG or PNG photo.")
        ) from None
    return image


def has_trailing_data(image_format: str, data: bytes) -> bool:
    if image_format == "WEBP":
        declared = int.from_bytes(data[4:8], "little") + 8
        return len(data) > declared + 1  # RIFF chunks may carry one byte of padding
    endings = ENDINGS.get(image_format)
    if endings is None:
        return False
    return not data.rstrip(b"\x00").endswith(endings)
