"""Site content stored in both official languages, read in the reader's.

A bilingual field is a pair of columns, ``<name>_en`` and ``<name>_fr``. ``Bilingual`` reads
the one for the active language and falls back to the other when a steward has only filled
one in, so a page is never blank in either language.
"""

from django.conf import settings
from django.utils import translation

LANGUAGE_CODES = [code for code, _label in settings.LANGUAGES]


def current_language() -> str:
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


class Bilingual:
    """A read-only attribute returning ``<name>_<language>`` for the active language."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        language = current_language()
        preferred = getattr(instance, f"{self.name}_{language}")
        if preferred:
            return preferred
        for other in LANGUAGE_CODES:
            value = getattr(instance, f"{self.name}_{other}")
            if value:
                return value
        return preferred

    def language_of(self, instance) -> str:
        """The language the value returned by ``__get__`` is written in (for ``lang=``)."""
        language = current_language()
        if getattr(instance, f"{self.name}_{language}"):
            return language
        for other in LANGUAGE_CODES:
            if getattr(instance, f"{self.name}_{other}"):
                return other
        return language
