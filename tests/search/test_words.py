"""How text becomes searchable words, the same for documents and queries (no database)."""

import pytest

from commonplace.search.words import (
    MAX_FOLDED_LENGTH,
    MAX_QUERY_WORDS,
    MAX_WORD_LENGTH,
    fold,
    folded_document,
    query_words,
)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Élise Côté", "elise cote"),
        ("CAFÉ", "cafe"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Cœur", "coeur"),
        ("ﬁne", "fine"),
        ("Ⅻ", "xii"),
        ("İstanbul", "istanbul"),
    ],
)
def test_folding_drops_case_and_accents(text, folded):
    assert fold(text) == folded


def test_a_document_keeps_only_its_words_separated_by_spaces():
    assert folded_document("Alice <alice@example.org>, end-of-life_doula!") == (
        "alice alice example org end of life doula"
    )


def test_a_document_leaves_out_words_nobody_would_type():
    assert folded_document("Alice " + "x" * (MAX_WORD_LENGTH + 1) + " Martin") == "alice martin"


def test_a_huge_document_is_cut_at_a_word():
    folded = folded_document("abcdefgh " * MAX_FOLDED_LENGTH)
    assert len(folded) <= MAX_FOLDED_LENGTH
    assert folded.endswith("abcdefgh")


def test_a_query_is_its_distinct_words_in_order():
    assert query_words('"Grief" AND café* OR grief -(caf)') == ["grief", "and", "cafe", "or", "caf"]


def test_a_query_has_a_bounded_number_of_bounded_words():
    words = query_words(" ".join(f"word{n}" for n in range(100)) + " " + "y" * 500)
    assert len(words) == MAX_QUERY_WORDS
    assert query_words("y" * 500) == ["y" * MAX_WORD_LENGTH]


@pytest.mark.parametrize("query", ["", "!!!", "\x00", "🙂", "\u202e", "\ud800", "_"])
def test_a_query_without_letters_or_digits_has_no_words(query):
    assert query_words(query) == []
