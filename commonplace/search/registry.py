"""Where features say how to rebuild their search entries from scratch.

A feature registers one provider per kind in its ``AppConfig.ready``::

    registry.register("profile", profile_documents)

A provider takes no arguments and returns an iterable of ``(object_id, documents)`` pairs, the
``documents`` being what ``services.index`` takes (``{"members": "…", "stewards": "…"}``), once
per object that should be findable. ``manage.py rebuild_search_index`` calls it; it may be a
generator that reads the feature's tables in chunks.
"""

from collections.abc import Callable, Iterable

Provider = Callable[[], Iterable[tuple[int, dict[str, str]]]]

_providers: dict[str, Provider] = {}


def register(kind: str, provider: Provider) -> Provider:
    """Make ``provider`` the source of every entry of ``kind``; a later call replaces it."""
    _providers[kind] = provider
    return provider


def providers() -> dict[str, Provider]:
    """Every registered provider by kind (a copy: changing it registers nothing)."""
    return dict(_providers)
