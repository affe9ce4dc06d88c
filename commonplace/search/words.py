"""How text becomes searchable words: one way, in Python, for documents and queries alike.

Both databases then only ever see lower-case, accent-free words separated by spaces, so SQLite's
FTS5 tokenizer and PostgreSQL's text-search parser agree on what a word is, matching ignores
case and accents on both without PostgreSQL's ``unaccent`` extension, and no character of a
query can reach either engine's query syntax: a word is only letters and digits.
"""

import re
import unicodedata

# A word longer than this is not something anyone types (base64, a hash, a run of letters);
# documents drop such words and queries cut theirs to this length.
MAX_WORD_LENGTH = 64
# Past this many distinct words a query only gets slower, not more precise.
MAX_QUERY_WORDS = 16
# Only the start of a query is read, so a megabyte pasted into the box costs nothing.
MAX_QUERY_LENGTH = 1_000
# PostgreSQL refuses a tsvector over 1 MB; this keeps the folded copy of any text well under.
MAX_FOLDED_LENGTH = 100_000

# Letters and digits of any script; the underscore is punctuation to people.
_WORD = re.compile(r"[^\W_]+")

# Letters that Unicode does not decompose into a base letter and an accent, but that people
# type without their stroke or write out (Øre → ore, Łódź → lodz, cœur → coeur).
_SPELLED_PLAINLY = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "\u0131": "i",  # dotless i
        "ŧ": "t",
        "œ": "oe",
        "æ": "ae",
        "þ": "th",
    }
)


def fold(text: str) -> str:
    """``text`` lower-cased (case-folded) and without accents: "Élise Œuvre" → "elise oeuvre".

    Compatibility forms are unified too: the ﬁ ligature → fi, full-width letters → plain ones,
    ² → 2.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    # Decomposition can bring back capitals (Ⅻ → XII), so fold the case once more.
    return bare.casefold().translate(_SPELLED_PLAINLY)


def folded_document(text: str) -> str:
    """The words of ``text``, folded, separated by single spaces, as the index stores them.

    Words longer than ``MAX_WORD_LENGTH`` are left out and the result is cut, at a word, to
    ``MAX_FOLDED_LENGTH`` characters. An empty result means the text has nothing to find.
    """
    folded = " ".join(word for word in _WORD.findall(fold(text)) if len(word) <= MAX_WORD_LENGTH)
    if len(folded) > MAX_FOLDED_LENGTH:
        folded = folded[: MAX_FOLDED_LENGTH + 1].rsplit(" ", 1)[0]
    return folded


def query_words(query: str) -> list[str]:
    """The distinct folded words of a query as someone typed it, in order, at most
    ``MAX_QUERY_WORDS``, each at most ``MAX_WORD_LENGTH`` letters or digits.

    Anything else — punctuation, quotes, operators, emoji, control characters — only separates
    words, so the result is safe to place in a full-text query. Never raises for a string.
    """
    words: list[str] = []
    for word in _WORD.findall(fold(query[:MAX_QUERY_LENGTH])):
        word = word[:MAX_WORD_LENGTH]
        if word not in words:
            words.append(word)
            if len(words) == MAX_QUERY_WORDS:
                break
    return words
