"""The full-text index over SearchEntry.folded, which each database builds its own way.

SQLite: an FTS5 table with SearchEntry as its external content (the text is stored once), kept
in step by triggers. ``folded`` is already lower-case and accent-free; the tokenizer folds again
anyway so a row written behind the app's back still matches sensibly. Prefix indexes of two and
three letters keep short "as you type" prefixes fast.

PostgreSQL: a generated tsvector column (so ranking reads it instead of parsing every matching
text again) with a GIN index, using the 'simple' configuration: no stemming and no stop words,
since texts are in English and French and names must match as written.

Django does not know about either; the SQL lives here, run only on its own database, so the same
migration files serve both.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_searchentry_fts USING fts5(
        folded,
        content='search_searchentry',
        content_rowid='id',
        tokenize='unicode61 remove_diacritics 2',
        prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER search_searchentry_fts_insert AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, folded) VALUES (new.id, new.folded);
    END
    """,
    # An external-content FTS table can only forget a row if it is told the exact old text.
    """
    CREATE TRIGGER search_searchentry_fts_delete AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, folded)
        VALUES ('delete', old.id, old.folded);
    END
    """,
    """
    CREATE TRIGGER search_searchentry_fts_update AFTER UPDATE OF folded ON search_searchentry
    BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, folded)
        VALUES ('delete', old.id, old.folded);
        INSERT INTO search_searchentry_fts(rowid, folded) VALUES (new.id, new.folded);
    END
    """,
    # Index the rows that may already be there.
    "INSERT INTO search_searchentry_fts(search_searchentry_fts) VALUES ('rebuild')",
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_searchentry_fts_update",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_insert",
    "DROP TABLE IF EXISTS search_searchentry_fts",
]

POSTGRESQL_FORWARD = [
    """
    ALTER TABLE search_searchentry ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, folded)) STORED
    """,
    # Without fastupdate each write updates the index itself: the "pending list" it would
    # otherwise fill is scanned in full by every search until vacuum merges it, which made
    # searches over freshly indexed rows several times slower.
    """
    CREATE INDEX search_entry_vector_idx ON search_searchentry USING gin (search_vector)
        WITH (fastupdate = off)
    """,
]

POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS search_entry_vector_idx",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_search_entries")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
