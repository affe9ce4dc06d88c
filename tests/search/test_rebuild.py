"""Rebuilding the index from what features register, and searching it at scale."""

import re

import pytest
from django.core.management import CommandError, call_command

from commonplace.search import registry
from commonplace.search.models import SearchEntry
from commonplace.search.selectors import search
from commonplace.search.services import index, rebuild

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_providers(monkeypatch):
    """Each test registers its own providers; the real ones (if any) are put back after."""
    monkeypatch.setattr(registry, "_providers", {})


def profiles():
    yield 1, {"members": "Alice Martin Kingston", "stewards": "Alice Martin alice@example.org"}
    yield 2, {"members": "Benoît Gagnon Montréal"}
    yield 3, {"members": ""}


def topics():
    return [(1, {"members": "Bereavement circles"})]


def found(query: str, *, kind: str = "profile", audiences=("members", "stewards")) -> list[int]:
    return [object_id for object_id, _ in search(kind=kind, query=query, audiences=audiences)]


def test_rebuilding_replaces_the_index_with_what_providers_give():
    registry.register("profile", profiles)
    index(kind="profile", object_id=9, documents={"members": "A stale profile"})
    counts = rebuild()
    assert counts == {"profile": 3}
    assert found("stale") == []
    assert found("alice") == [1]
    assert found("montreal") == [2]
    assert found("example", audiences=["members"]) == []


def test_rebuilding_one_kind_leaves_the_others_alone():
    registry.register("profile", profiles)
    registry.register("topic", topics)
    index(kind="topic", object_id=5, documents={"members": "A topic kept as it is"})
    assert rebuild(kind="profile") == {"profile": 3}
    assert found("kept", kind="topic") == [5]
    assert found("bereavement", kind="topic") == []


def test_rebuilding_everything_drops_kinds_nobody_provides_any_more():
    registry.register("profile", profiles)
    index(kind="retired", object_id=1, documents={"members": "Old feature"})
    rebuild()
    assert not SearchEntry.objects.filter(kind="retired").exists()


def test_rebuilding_a_kind_nobody_registered_is_refused():
    with pytest.raises(LookupError):
        rebuild(kind="profile")


def test_the_command_rebuilds_and_says_how_many_entries_each_kind_has(capsys):
    registry.register("profile", profiles)
    registry.register("topic", topics)
    call_command("rebuild_search_index")
    output = capsys.readouterr().out
    assert re.search(r"profile\s+3 entries", output)
    assert re.search(r"topic\s+1 entries", output)
    assert found("bereavement", kind="topic") == [1]


def test_the_command_rebuilds_one_kind_when_asked():
    registry.register("profile", profiles)
    registry.register("topic", topics)
    call_command("rebuild_search_index", "--kind", "topic", stdout=None)
    assert found("bereavement", kind="topic") == [1]
    assert found("alice") == []


def test_the_command_names_the_known_kinds_when_given_an_unknown_one():
    registry.register("profile", profiles)
    with pytest.raises(CommandError, match="profile"):
        call_command("rebuild_search_index", "--kind", "nothing")


def test_five_thousand_documents_indexed_in_bulk_are_searched_correctly():
    cities = ["Kingston", "Montréal", "Québec", "Ottawa", "Sudbury", "Trois-Rivières", "Gatineau"]

    def many_profiles():
        for number in range(1, 5001):
            city = cities[number % len(cities)]
            yield (
                number,
                {
                    "members": f"Member {number} of {city}, circle{number % 50}",
                    "stewards": f"Member {number} member{number}@example.org {city}",
                },
            )

    registry.register("profile", many_profiles)
    assert rebuild() == {"profile": 10_000}
    expected = [n for n in range(1, 5001) if n % 7 == cities.index("Québec") and n % 50 == 13]
    assert sorted(found("quebec circle13", audiences=["members"])) == expected
    assert found("member4242@example", audiences=["members"]) == []
    assert found("member4242@example", audiences=["stewards"]) == [4242]
    assert found("trois rivieres member 4996") == [4996]
