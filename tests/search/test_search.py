"""The one search: what it finds, for whom, and in what order. Runs on SQLite and PostgreSQL."""

import pytest
from django.db import IntegrityError, connection, transaction

from commonplace.search.models import SearchEntry
from commonplace.search.selectors import search
from commonplace.search.services import index, index_new, remove

pytestmark = pytest.mark.django_db

MEMBERS = ["members"]
EVERYONE = ["members", "stewards"]


def found(query: str, *, audiences=MEMBERS, kind: str = "profile", limit: int = 1000) -> list[int]:
    return [
        object_id
        for object_id, _score in search(kind=kind, query=query, audiences=audiences, limit=limit)
    ]


def profile(object_id: int, members: str, stewards: str | None = None) -> None:
    documents = {"members": members}
    if stewards is not None:
        documents["stewards"] = stewards
    index(kind="profile", object_id=object_id, documents=documents)


@pytest.fixture
def alice_and_benoit():
    profile(
        1, "Alice Martin Kingston grief café", "Alice Martin alice@example.org Kingston grief café"
    )
    profile(
        2, "Benoît Gagnon Montréal soins palliatifs", "Benoît Gagnon benoit@example.org Montréal"
    )


# --- Indexing, replacing, removing -----------------------------------------------------------


def test_an_indexed_text_is_found_by_any_of_its_words(alice_and_benoit):
    assert found("Kingston") == [1]
    assert found("palliatifs") == [2]
    assert found("nobody") == []


def test_indexing_again_replaces_the_earlier_text(alice_and_benoit):
    profile(1, "Alice Martin Ottawa")
    assert found("Kingston") == []
    assert found("Ottawa") == [1]
    assert SearchEntry.objects.filter(kind="profile", object_id=1).count() == 1


def test_an_audience_left_out_when_indexing_again_stops_matching(alice_and_benoit):
    profile(1, "Alice Martin Kingston")
    assert found("alice@example.org", audiences=EVERYONE) == []
    assert found("Kingston", audiences=EVERYONE) == [1]


def test_an_empty_dict_removes_the_object_from_search(alice_and_benoit):
    index(kind="profile", object_id=1, documents={})
    assert found("Alice", audiences=EVERYONE) == []
    assert not SearchEntry.objects.filter(object_id=1).exists()


def test_empty_texts_or_texts_without_words_remove_the_object(alice_and_benoit):
    index(kind="profile", object_id=1, documents={"members": "", "stewards": " -- !!! "})
    assert found("Alice", audiences=EVERYONE) == []
    assert not SearchEntry.objects.filter(object_id=1).exists()


def test_many_new_objects_are_indexed_at_once_and_found_like_any_other():
    written = index_new(
        kind="profile",
        objects=[
            (1, {"members": "Kingston grief café", "stewards": "Kingston grief café"}),
            (2, {"members": "Montréal soins palliatifs"}),
            (3, {"members": "!!!"}),  # no words: nothing to find it by, so no entry
        ],
    )
    assert written == 3
    assert found("grief") == [1]
    assert found("palliatifs", audiences=EVERYONE) == [2]
    assert SearchEntry.objects.filter(object_id=3).count() == 0


def test_indexing_new_objects_refuses_one_already_indexed(alice_and_benoit):
    with pytest.raises(IntegrityError), transaction.atomic():
        index_new(kind="profile", objects=[(1, {"members": "Someone else entirely"})])
    assert found("Kingston") == [1]


def test_removing_an_object_takes_it_out_for_every_audience(alice_and_benoit):
    remove(kind="profile", object_id=1)
    assert found("Alice", audiences=EVERYONE) == []
    assert found("Benoît", audiences=EVERYONE) == [2]


def test_removing_an_object_never_indexed_is_harmless(alice_and_benoit):
    remove(kind="profile", object_id=999)
    assert SearchEntry.objects.count() == 4


def test_kinds_are_kept_apart(alice_and_benoit):
    index(kind="topic", object_id=1, documents={"members": "Bereavement circles in Kingston"})
    assert found("bereavement") == []
    assert found("bereavement", kind="topic") == [1]
    assert found("Kingston", kind="topic") == [1]
    assert found("Alice", kind="topic") == []


def test_an_unknown_audience_cannot_be_indexed():
    with pytest.raises(ValueError, match="audience"):
        index(kind="profile", object_id=1, documents={"everyone": "Alice"})
    assert not SearchEntry.objects.exists()


@pytest.mark.parametrize("kind", ["", "k" * 41])
def test_a_kind_must_have_one_to_forty_characters(kind):
    with pytest.raises(ValueError, match="kind"):
        index(kind=kind, object_id=1, documents={"members": "Alice"})


def test_a_nul_character_in_a_text_is_dropped_not_refused():
    profile(1, "Alice\x00 Martin")
    assert found("alice martin") == [1]
    assert SearchEntry.objects.get().text == "Alice Martin"


def test_the_entry_keeps_the_text_as_given_and_its_folded_words(alice_and_benoit):
    entry = SearchEntry.objects.get(object_id=2, audience="members")
    assert entry.text == "Benoît Gagnon Montréal soins palliatifs"
    assert entry.folded == "benoit gagnon montreal soins palliatifs"


# --- Audiences -------------------------------------------------------------------------------


def test_a_stewards_only_text_never_matches_for_members(alice_and_benoit):
    assert found("alice@example.org") == []
    assert found("example") == []
    assert found("benoit example") == []


def test_stewards_find_the_text_only_they_may_see(alice_and_benoit):
    assert found("alice@example.org", audiences=EVERYONE) == [1]
    assert sorted(found("example", audiences=EVERYONE)) == [1, 2]
    assert sorted(found("example", audiences=["stewards"])) == [1, 2]


def test_an_object_matching_under_two_audiences_comes_back_once_with_its_best_score():
    profile(1, "grief", "grief " + "other words " * 30)
    results = search(kind="profile", query="grief", audiences=EVERYONE)
    assert [object_id for object_id, _ in results] == [1]
    members_only = search(kind="profile", query="grief", audiences=MEMBERS)
    stewards_only = search(kind="profile", query="grief", audiences=["stewards"])
    assert results[0][1] == max(members_only[0][1], stewards_only[0][1])


def test_no_audience_or_an_unknown_one_finds_nothing(alice_and_benoit):
    assert found("Alice", audiences=[]) == []
    assert found("Alice", audiences=["everyone"]) == []


def test_audiences_given_as_one_string_are_a_mistake_in_the_calling_code(alice_and_benoit):
    with pytest.raises(TypeError):
        search(kind="profile", query="Alice", audiences="members")


# --- Matching ---------------------------------------------------------------------------------


def test_every_word_must_match(alice_and_benoit):
    assert found("Alice Kingston") == [1]
    assert found("Alice Montréal") == []


@pytest.mark.parametrize("query", ["grief caf", "gri caf", "GRIEF CAFÉ", "Ali Mar King", "k"])
def test_every_word_matches_as_a_prefix(alice_and_benoit, query):
    assert found(query) == [1]


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Élise Côté", "elise cote"),
        ("elise cote", "ÉLISE CÔTÉ"),
        ("Grief café", "cafe"),
        ("Montréal", "MONTREAL"),
        ("Benoît", "benoi"),
        ("Łódź", "lodz"),
        ("Søren Kierkegaard", "soren"),
        ("Cœur d'Alene", "coeur"),
        ("Straße", "strasse"),
        ("ﬁnancial", "financial"),
        ("\uff26\uff55\uff4c\uff4c \uff57\uff49\uff44\uff54\uff48", "full width"),
    ],
)
def test_case_and_accents_never_matter(text, query):
    profile(1, text)
    assert found(query) == [1]


def test_words_are_split_at_punctuation_the_same_way_in_texts_and_queries():
    profile(1, "Alice Martin <alice.martin@example.org>, end-of-life doula (Kingston/Ottawa)")
    assert found("alice.martin@example.org") == [1]
    assert found("end of life") == [1]
    assert found("kingston-ottawa") == [1]


@pytest.mark.parametrize(
    "query",
    [
        '"grief',
        "grief*",
        "-grief",
        "^grief",
        "grief:*",
        "(grief | café)",
        "grief & !café",
        "grief <-> café",
        "grief\x00café",
        "grief\u200bcafé",
        "grief 🙂 café",
        "'grief' ''café''",
        "\\grief\\",
    ],
)
def test_query_syntax_of_either_engine_is_read_as_plain_words(alice_and_benoit, query):
    assert found(query) == [1]


def test_operators_are_words_that_must_be_in_the_text(alice_and_benoit):
    assert found("grief OR zebra") == []
    assert found("Alice AND Kingston") == []
    assert found("NEAR(grief café)") == []
    assert found("folded:grief") == []
    profile(3, "Salt and pepper")
    assert found("salt AND pepper") == [3]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "-- ; /* */", "'\"", "*", "🙂🙂", "\x00"])
def test_an_empty_or_punctuation_only_query_finds_nothing(alice_and_benoit, query):
    assert search(kind="profile", query=query, audiences=EVERYONE) == []


def test_a_ten_thousand_character_query_is_read_only_in_part(alice_and_benoit):
    assert found("grief " + "x" * 10_000) == []
    assert found("grief " * 2_000) == [1]


# --- Ranking and limits ------------------------------------------------------------------------


def test_a_short_text_about_a_word_ranks_above_a_long_text_mentioning_it_once():
    long_text = "A long biography about many things. " * 20 + "Some grief work too."
    profile(1, long_text)
    profile(2, "Grief support, grief circles, grief café")
    for filler in range(3, 10):
        profile(filler, f"Unrelated member {filler} who gardens")
    results = search(kind="profile", query="grief", audiences=MEMBERS)
    assert [object_id for object_id, _ in results] == [2, 1]
    assert results[0][1] > results[1][1]


def test_equal_scores_come_in_object_id_order():
    for object_id in (5, 3, 4):
        profile(object_id, "Grief café")
    assert found("grief") == [3, 4, 5]


def test_results_stop_at_the_limit_keeping_the_best():
    for object_id in range(1, 21):
        profile(object_id, "grief " + "filler " * object_id)
    assert found("grief", limit=5) == [1, 2, 3, 4, 5]
    assert found("grief", limit=0) == []


@pytest.mark.django_db(transaction=True)
def test_committed_changes_are_searchable_and_cleared_between_tests():
    # Outside a test transaction, the triggers (SQLite) and the generated column (PostgreSQL)
    # see real commits, and the database flush after the test must leave the index consistent.
    profile(1, "Alice Martin Kingston")
    profile(1, "Alice Martin Ottawa")
    assert found("ottawa") == [1]
    assert found("kingston") == []
    remove(kind="profile", object_id=1)
    assert found("alice") == []
    profile(2, "Benoît Gagnon")
    assert found("benoit") == [2]


def test_the_sqlite_full_text_index_stays_exactly_in_step_with_the_entries():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL computes the tsvector in the row itself")
    profile(1, "Alice Martin Kingston", "Alice Martin alice@example.org")
    profile(1, "Alice Martin Ottawa")
    profile(2, "Benoît Gagnon")
    SearchEntry.objects.filter(object_id=2).update(folded="changed behind the app's back")
    remove(kind="profile", object_id=1)
    with connection.cursor() as cursor:
        # FTS5 compares its index with the content table and raises if they differ.
        cursor.execute(
            "INSERT INTO search_searchentry_fts(search_searchentry_fts, rank) "
            "VALUES ('integrity-check', 1)"
        )
    assert found("changed back") == [2]


def test_a_sqlite_search_looks_matches_up_in_the_narrow_index_not_among_the_texts():
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL filters its GIN index's matches without this index")
    from commonplace.search import selectors

    sql, params = selectors._sqlite(kind="profile", words=["alice"], audiences=["members"], limit=5)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "COVERING INDEX search_entry_match_lookup_idx" in plan
