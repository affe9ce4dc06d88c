"""Where features say how to rebuild their search entries from scratch.

A feature registers one provider per kind in its ``AppConfig.ready``::

    registry.register("profile", profile_documents)

A provider takes no arguments and returns an iterable of ``(object_id, documents)`` pairs, the
``documents`` being what ``services.index`` takes (``{"members": "…", "stewards": "…"}``), once
per object that should be findable. ``manage.py rebuild_search_index`` calls it; it may be a
generator that reads the feature's tables in chunks.

A feature may also register a ``Finder``: its part of the one search page, which shows the best
few results of every feature for what a member typed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Provider = Callable[[], Iterable[tuple[int, dict[str, str]]]]

_providers: dict[str, Provider] = {}


def register(kind: str, provider: Provider) -> Provider:
    """Make ``provider`` the source of every entry of ``kind``; a later call replaces it."""
    _providers[kind] = provider
    return provider


def providers() -> dict[str, Provider]:
    """Every registered provider by kind (a copy: changing it registers nothing)."""
    return dict(_providers)


# --- Finders: what one search over everything shows ------------------------------------------


@dataclass(frozen=True)
class Found:
    """One result as the search page shows it; the feature decides every word of it."""

    title: str
    url: str
    detail: str = ""
    excerpt: str = ""


@dataclass(frozen=True)
class Finder:
    """A feature's part of the search page.

    ``find(viewer, query, limit)`` returns the ``limit`` best results the viewer may see and how
    many there are in all; ``more_url(query)`` is the feature's own list for that query, where
    the rest can be read and narrowed. ``label`` names the section ("Resources").
    """

    key: str
    label: Any
    find: Callable[[Any, str, int], tuple[list[Found], int]]
    more_url: Callable[[str], str]
    position: int = 0


_finders: dict[str, Finder] = {}


def register_finder(finder: Finder) -> Finder:
    """Show ``finder``'s results on the search page; a later call with the same key replaces it."""
    _finders[finder.key] = finder
    return finder


def finders() -> list[Finder]:
    """Every registered finder, in the order the page shows them."""
    return sorted(_finders.values(), key=lambda finder: (finder.position, finder.key))
