"""Whatever people type or write, searching and indexing never fail, on either database."""

import json
from pathlib import Path

import pytest
from django.db import connection
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from commonplace.search.selectors import search
from commonplace.search.services import index
from commonplace.search.words import MAX_WORD_LENGTH, fold, folded_document, query_words

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))
XSS = (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
EVERYONE = ["members", "stewards"]
EXAMPLES = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def some_profiles():
    index(kind="profile", object_id=1, documents={"members": "Alice Martin Kingston grief café"})
    index(kind="profile", object_id=2, documents={"stewards": "script alert onerror img src"})
    index(kind="profile", object_id=3, documents={"members": "null undefined true 0 1 javascript"})


def test_no_naughty_string_breaks_a_search(some_profiles):
    assert len(NAUGHTY) > 500
    for text in NAUGHTY:
        results = search(kind="profile", query=text, audiences=EVERYONE)
        assert isinstance(results, list), repr(text)


def test_no_line_of_the_xss_payload_list_breaks_a_search(some_profiles):
    assert len(XSS) > 1000
    for line in XSS:
        results = search(kind="profile", query=line, audiences=EVERYONE)
        assert isinstance(results, list), repr(line)


def test_a_script_tag_is_searched_as_its_words(some_profiles):
    def found(query):
        return [
            object_id for object_id, _ in search(kind="profile", query=query, audiences=EVERYONE)
        ]

    assert found("<script>alert(1)</script>") == []
    assert found("<img src onerror=alert>") == [2]


def test_every_naughty_string_can_be_indexed_and_found_by_its_own_words():
    for object_id, text in enumerate(NAUGHTY, start=1):
        index(kind="naughty", object_id=object_id, documents={"members": text})
    for object_id, text in enumerate(NAUGHTY, start=1):
        if not query_words(text) or any(len(word) > MAX_WORD_LENGTH for word in fold(text).split()):
            continue
        ids = [found for found, _ in search(kind="naughty", query=text, audiences=["members"])]
        assert object_id in ids, repr(text)


@EXAMPLES
@given(query=st.text(max_size=300))
def test_any_text_as_a_query_gives_a_list(some_profiles, query):
    assert isinstance(search(kind="profile", query=query, audiences=EVERYONE), list)


def the_database_reads_it_as_one_word(word: str) -> bool:
    """PostgreSQL's parser knows letters from the server's locale, whose Unicode tables can be
    older than Python's: a letter added lately (U+31350, Unicode 15) is a separator there, in
    texts and queries alike. SQLite's FTS5 keeps any character it does not know in the word."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector('simple', %s))", [word])
        return cursor.fetchone()[0] == [word]


@EXAMPLES
@given(text=st.text(min_size=1, max_size=200), data=st.data())
def test_any_text_is_found_by_any_of_its_words(text, data):
    index(kind="anything", object_id=7, documents={"members": text})
    words = folded_document(text).split()
    if not words:
        assert search(kind="anything", query=text, audiences=["members"]) == []
        return
    word = data.draw(st.sampled_from(words))
    assume(the_database_reads_it_as_one_word(word))
    assert search(kind="anything", query=word, audiences=["members"])[0][0] == 7
