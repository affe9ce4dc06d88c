"""Every change to the search index. Features call these with plain text; nothing here knows
what a profile or a topic is."""

from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from commonplace.search import registry
from commonplace.search.models import SearchEntry
from commonplace.search.words import folded_document

AUDIENCES = frozenset(SearchEntry.Audience.values)
_KIND_MAX_LENGTH = SearchEntry._meta.get_field("kind").max_length or 0
_BATCH_SIZE = 500


def index(*, kind: str, object_id: int, documents: dict[str, str]) -> None:
    """Make ``documents`` the searchable text of object ``object_id`` of ``kind``.

    ``documents`` maps an audience ("members", "stewards") to the text that viewers of that
    audience may find the object by. It replaces every earlier entry of the object, in one
    transaction: an audience left out, or given an empty text (or one with no letters or
    digits), no longer matches. An empty dict removes the object from search.

    Raises ``ValueError`` for an unknown audience, an empty or too long ``kind`` (40
    characters), or a negative ``object_id`` — mistakes in the calling code, not in the text.
    """
    entries = list(_entries(kind=kind, object_id=object_id, documents=documents))
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id=object_id).exclude(
            audience__in=[entry.audience for entry in entries]
        ).delete()
        if entries:
            # An upsert rather than delete-then-insert: two workers indexing the same object at
            # once must not trip over the unique constraint.
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["kind", "object_id", "audience"],
                update_fields=["text", "folded", "updated_at"],
            )


def index_new(*, kind: str, objects: Iterable[tuple[int, dict[str, str]]]) -> int:
    """Add the searchable text of many objects never indexed before, with bulk inserts: for
    seeding and backfills, where one ``index`` call per object would take minutes.

    ``objects`` yields ``(object_id, documents)`` pairs shaped as for ``index``. Returns how
    many entries were written. Raises what ``index`` raises, and ``IntegrityError`` when an
    object already has an entry (use ``index`` to replace one).
    """
    return _bulk_insert(
        entry
        for object_id, documents in objects
        for entry in _entries(kind=kind, object_id=object_id, documents=documents)
    )


def remove(*, kind: str, object_id: int) -> None:
    """Take object ``object_id`` of ``kind`` out of search, for every audience; no error if it
    was never indexed."""
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


def rebuild(*, kind: str | None = None) -> dict[str, int]:
    """Clear the index and fill it again from the registered providers, with bulk inserts.

    With ``kind``, only that kind's entries are replaced; without it, every entry goes, those
    of kinds nobody provides any more included. Runs in one transaction, so searches see the
    old index until the new one is complete. Returns how many entries each kind now has.

    Raises ``LookupError`` when no provider is registered for ``kind``, ``ValueError`` when a
    provider yields an unknown audience, and ``IntegrityError`` when it yields an object twice.
    """
    providers = registry.providers()
    if kind is not None:
        if kind not in providers:
            raise LookupError(f"No search provider is registered for {kind!r}.")
        providers = {kind: providers[kind]}
    counts: dict[str, int] = {}
    with transaction.atomic():
        entries = SearchEntry.objects.all()
        if kind is not None:
            entries = entries.filter(kind=kind)
        entries.delete()
        for provided_kind, provider in providers.items():
            counts[provided_kind] = index_new(kind=provided_kind, objects=provider())
        _tidy_full_text_index(everything=kind is None)
    return counts


def _tidy_full_text_index(*, everything: bool) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            if everything:
                # Rebuilt from the table itself, the full-text index is right even if it had
                # drifted (triggers lost when Django remade the table, a restored backup).
                cursor.execute(
                    "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('rebuild')"
                )
            # Merged into one segment, the index is read in one pass per word.
            cursor.execute(
                "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('optimize')"
            )
        elif connection.vendor == "postgresql":
            # Fresh statistics, so the planner knows the new size of the table at once
            # instead of after autovacuum's next visit.
            cursor.execute("ANALYZE search_searchentry")


def _entries(*, kind: str, object_id: int, documents: dict[str, str]) -> Iterator[SearchEntry]:
    if not kind or len(kind) > _KIND_MAX_LENGTH:
        raise ValueError(f"A search kind has 1 to {_KIND_MAX_LENGTH} characters: {kind!r}.")
    if object_id < 0:
        raise ValueError(f"A search object_id cannot be negative: {object_id}.")
    for audience, text in documents.items():
        if audience not in AUDIENCES:
            raise ValueError(
                f"Unknown search audience {audience!r}; expected one of {sorted(AUDIENCES)}."
            )
        folded = folded_document(text or "")
        if folded:
            # PostgreSQL cannot store NUL in text; the words were read with it as a separator.
            yield SearchEntry(
                kind=kind,
                object_id=object_id,
                audience=audience,
                text=text.replace("\x00", ""),
                folded=folded,
            )


def _bulk_insert(entries: Iterable[SearchEntry]) -> int:
    count = 0
    iterator = iter(entries)
    while batch := list(islice(iterator, _BATCH_SIZE)):
        # A duplicate within one kind is a provider's bug; the unique constraint reports it.
        SearchEntry.objects.bulk_create(batch)
        count += len(batch)
    return count
