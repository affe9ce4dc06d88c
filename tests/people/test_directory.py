"""The member directory and "who knows what": find people, never through what they hid."""

import pytest

from commonplace.accounts.models import Consent
from commonplace.people.models import Contribution
from commonplace.people.services import consent_change, contribution_record
from tests.conftest import run_tasks
from tests.people.conftest import listed_member

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def community(areas, alice):
    """Three listed members and one who is not listed."""
    return {
        "grace": listed_member(
            "grace@example.org", name="Grace Kowalski", province="BC", city="Comox",
            organization="Comox Valley Hospice", works_on=[areas["caregiver-support"]],
            can_help=[areas["caregiver-support"]], expertise="volunteer training",
        ),
        "marie": listed_member(
            "marie@example.org", name="Marie-Ève Lavoie", province="QC", city="Sherbrooke",
            works_on=[areas["municipal-charters"]], bio="Charte municipale adoptée en 2025.",
        ),
        "hidden": listed_member(
            "hidden@example.org", name="Hidden Province", province="BC",
            visibility={"province": "nobody"}, works_on=[areas["caregiver-support"]],
        ),
        "unlisted": listed_member(
            "unlisted@example.org", name="Not Listed", province="BC", listed=False,
            works_on=[areas["caregiver-support"]],
        ),
    }  # fmt: skip


def names(response) -> list[str]:
    return [person.name for person in response.context["people"]]


def test_members_find_each_other_by_focus_area_and_province(client, alice, community):
    run_tasks()
    client.force_login(alice)
    response = client.get("/en/people/", {"area": "caregiver-support", "province": "BC"})
    assert names(response) == ["Grace Kowalski"]


def test_a_hidden_province_cannot_be_used_to_find_someone(client, alice, sam, community):
    client.force_login(alice)
    assert "Hidden Province" not in names(client.get("/en/people/", {"province": "BC"}))
    assert "Hidden Province" in names(client.get("/en/people/", {"area": "caregiver-support"}))


def test_people_outside_the_directory_are_never_listed(client, alice, community):
    client.force_login(alice)
    assert "Not Listed" not in names(client.get("/en/people/"))
    assert client.get(f"/en/people/{community['unlisted'].pk}/").status_code == 404


def test_full_text_search_matches_accents_and_prefixes(client, alice, community):
    run_tasks()
    client.force_login(alice)
    assert names(client.get("/en/people/", {"q": "sherbr"})) == ["Marie-Ève Lavoie"]
    assert names(client.get("/en/people/", {"q": "marie eve"})) == ["Marie-Ève Lavoie"]
    assert names(client.get("/en/people/", {"q": "volunteer training"})) == ["Grace Kowalski"]


def test_filtered_views_have_shareable_addresses_and_htmx_gets_only_results(
    client, alice, community
):
    run_tasks()
    client.force_login(alice)
    full = client.get("/en/people/?area=caregiver-support&sort=name")
    assert full.context["query"] == "area=caregiver-support&sort=name"
    partial = client.get("/en/people/?area=caregiver-support", headers={"hx-request": "true"})
    assert "<html" not in partial.text
    assert "Grace Kowalski" in partial.text


def test_withdrawing_directory_consent_removes_a_member_at_once(client, alice, community):
    run_tasks()
    client.force_login(alice)
    grace = community["grace"]
    consent_change(
        user=grace, kind=Consent.Kind.DIRECTORY, given=False, wording="No.", source="test"
    )
    assert "Grace Kowalski" not in names(client.get("/en/people/"))
    assert "Grace Kowalski" not in names(client.get("/en/people/", {"q": "Grace"}))
    who = client.get("/en/people/who-knows/", {"area": "caregiver-support"})
    assert "Grace Kowalski" not in [knower.card.name for knower in who.context["knowers"]]


def test_who_knows_finds_people_by_evidence_as_well_as_declared_expertise(
    client, alice, areas, community
):
    nathalie = listed_member("nathalie@example.org", name="Nathalie Gagné")
    for number in range(3):
        contribution_record(
            member=nathalie,
            kind=Contribution.Kind.ACCEPTED_ANSWER,
            title=f"Answer {number}",
            focus_areas=[areas["caregiver-support"]],
            source="test",
            source_id=str(number),
        )
    client.force_login(alice)
    response = client.get("/en/people/who-knows/", {"area": "caregiver-support"})
    ranked = {knower.card.name: knower for knower in response.context["knowers"]}
    assert {"Grace Kowalski", "Nathalie Gagné"} <= set(ranked)
    assert "Not Listed" not in ranked
    assert "3 accepted answers" in response.text
    assert "can help with Caregiver support" in response.text
    first = response.context["knowers"][0].card.name
    assert first == "Grace Kowalski"  # declared and working on it outweighs three answers


def test_who_knows_accepts_free_text(client, alice, community):
    run_tasks()
    client.force_login(alice)
    response = client.get("/en/people/who-knows/", {"q": "caregiver support"})
    assert "Grace Kowalski" in [knower.card.name for knower in response.context["knowers"]]


def test_the_directory_makes_the_same_number_of_queries_for_any_page_size(
    client, alice, areas, django_assert_max_num_queries
):
    client.force_login(alice)
    listed_member("one@example.org", name="One", works_on=[areas["grief-bereavement"]])
    client.get("/en/people/")
    with django_assert_max_num_queries(15) as few:
        client.get("/en/people/")
    for index in range(25):
        listed_member(
            f"m{index}@example.org", name=f"Member {index}", works_on=[areas["grief-bereavement"]]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/people/")


def test_who_knows_and_a_member_page_make_the_same_number_of_queries_at_any_size(
    client, alice, areas, django_assert_max_num_queries
):
    """More helpers, more evidence and more contributions cost no more queries."""
    caregiver = areas["caregiver-support"]

    def add_helper(index: int):
        helper = listed_member(
            f"h{index}@example.org", name=f"Helper {index}", works_on=[caregiver],
            can_help=[caregiver, areas["grief-bereavement"]],
        )  # fmt: skip
        contribution_record(
            member=helper,
            kind=Contribution.Kind.ACCEPTED_ANSWER,
            title=f"Answer {index}",
            focus_areas=[caregiver],
            source="test",
            source_id=str(index),
        )
        return helper

    first = add_helper(0)
    run_tasks()
    client.force_login(alice)
    pages = [
        "/en/people/who-knows/?area=caregiver-support",
        "/en/people/who-knows/?q=answer",
        f"/en/people/{first.pk}/",
    ]
    counts = {}
    for url in pages:
        client.get(url)
        with django_assert_max_num_queries(20) as few:
            assert client.get(url).status_code == 200
        counts[url] = len(few.captured_queries)
    for index in range(1, 25):
        add_helper(index)
        for number in range(3):
            contribution_record(
                member=first,
                kind=Contribution.Kind.EVENT_HOSTED,
                title=f"Gathering {index}.{number}",
                source="test",
                source_id=f"{index}.{number}",
            )
    run_tasks()
    for url in pages:
        with django_assert_max_num_queries(counts[url]):
            response = client.get(url)
        if "who-knows" in url:
            assert len(response.context["knowers"]) > 10, url  # the larger list was shown
