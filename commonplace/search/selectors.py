"""The one search: plain words in, ranked object ids out."""

from collections.abc import Iterable

from django.db import connection

from commonplace.search.words import query_words


def search(
    *, kind: str, query: str, audiences: Iterable[str], limit: int = 1000
) -> list[tuple[int, float]]:
    """Ids of the objects of ``kind`` whose text, for any of ``audiences``, has every word of
    ``query``, as ``(object_id, score)`` pairs, best (highest score) first, at most ``limit``.

    Every word matches as a prefix ("grief caf" finds "Grief Café") and case and accents never
    matter ("elise" finds "Élise"). An object indexed for several of the audiences comes back
    once, with its best score. Scores only compare results of the same search; ties come in
    ``object_id`` order.

    ``query`` is what someone typed: only its letters and digits count, so any string, however
    hostile, gives a list and never an error; one without letters or digits gives ``[]``. Pass
    only the audiences the viewer belongs to: ``["members"]`` for a member, ``["members",
    "stewards"]`` for a steward. Raises ``TypeError`` if ``audiences`` is a single string, as
    that is a mistake in the calling code (it would be read letter by letter).
    """
    if isinstance(audiences, str):
        raise TypeError('audiences is a list of audiences, e.g. ["members"], not one string.')
    chosen = sorted(set(audiences))
    words = query_words(query) if isinstance(query, str) else []
    if not words or not chosen or limit <= 0:
        return []
    if connection.vendor == "postgresql":
        sql, params = _postgresql(kind=kind, words=words, audiences=chosen, limit=limit)
    else:
        sql, params = _sqlite(kind=kind, words=words, audiences=chosen, limit=limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(object_id), float(score)) for object_id, score in cursor.fetchall()]


def _sqlite(*, kind: str, words: list[str], audiences: list[str], limit: int) -> tuple[str, list]:
    # Each word is a quoted FTS5 string with a prefix star, so FTS5 reads none of it as syntax
    # (words are only letters and digits; the doubling of quotes is a second line of defence).
    match = " AND ".join('"{}"*'.format(word.replace('"', '""')) for word in words)
    placeholders = ", ".join(["%s"] * len(audiences))
    # bm25() only works in the query that scans the FTS table, not under GROUP BY, so the
    # matches are materialized first; CROSS JOIN keeps SQLite scanning the FTS matches first
    # instead of probing the full-text index once per row of the kind. Each match is looked up
    # in the narrow index of migration 0003, not among the long texts; the planner only picks
    # it with fresh statistics, so it is named. bm25 is lower for better matches, hence the
    # minus sign.
    sql = f"""
        WITH hits AS MATERIALIZED (
            SELECT entry.object_id AS object_id, -bm25(search_searchentry_fts) AS score
            FROM search_searchentry_fts
            CROSS JOIN search_searchentry AS entry INDEXED BY search_entry_match_lookup_idx
                ON entry.id = search_searchentry_fts.rowid
            WHERE search_searchentry_fts MATCH %s
              AND entry.kind = %s
              AND entry.audience IN ({placeholders})
        )
        SELECT object_id, MAX(score) AS best FROM hits
        GROUP BY object_id
        ORDER BY best DESC, object_id
        LIMIT %s
    """  # noqa: S608 -- only placeholders are interpolated
    return sql, [match, kind, *audiences, limit]


def _postgresql(
    *, kind: str, words: list[str], audiences: list[str], limit: int
) -> tuple[str, list]:
    # Built from sanitized words ('word':* joined with &), never from the user's own syntax;
    # words hold no quote or backslash, so the quoting cannot be broken.
    tsquery = " & ".join(f"'{word}':*" for word in words)
    # Normalization 1 divides the rank by the log of the document's length, so a short text
    # about a subject ranks above a long one that mentions it in passing.
    sql = """
        SELECT object_id, MAX(ts_rank(search_vector, query, 1)) AS best
        FROM search_searchentry, to_tsquery('simple', %s) AS query
        WHERE search_vector @@ query
          AND kind = %s
          AND audience = ANY(%s)
        GROUP BY object_id
        ORDER BY best DESC, object_id
        LIMIT %s
    """
    return sql, [tsquery, kind, audiences, limit]
