"""One search over the community: resources, conversations and people for what a member
typed, each section showing only what that member may see, with a way to the full list."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.conversations.models import Space
from commonplace.conversations.services import topic_start
from commonplace.library import services as library
from commonplace.library.models import ResourceKind
from tests.conftest import run_tasks
from tests.people.conftest import listed_member

pytestmark = pytest.mark.django_db(transaction=True)
DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))


def resource(member, title, *, publish=True):
    return library.resource_share(
        member=member,
        kind=ResourceKind.objects.get(key="guide"),
        title=title,
        summary="How our town did it.",
        language="en",
        licence="cc-by-4.0",
        publish=publish,
    )


def sections(response) -> dict[str, list[str]]:
    return {
        section["key"]: [found.title for found in section["found"]]
        for section in response.context["sections"]
    }


def test_one_search_finds_resources_conversations_and_people(client, alice, sam):
    resource(alice, "Compassionate city charter guide")
    resource(alice, "Charter draft nobody may see yet", publish=False)
    open_space = Space.objects.create(slug="open", name_en="Open")
    private = Space.objects.create(slug="inner", name_en="Inner", is_private=True)
    topic_start(space=open_space, author=sam, title="Who signed a charter?", body="Tell us.")
    topic_start(space=private, author=sam, title="Charter money, privately", body="Just us.")
    listed_member("grace@example.org", name="Grace Charterhouse")
    run_tasks()
    client.force_login(alice)
    response = client.get(reverse("search:everything"), {"q": "charter"})
    found = sections(response)
    assert found["resources"] == ["Compassionate city charter guide"]
    assert found["topics"] == ["Who signed a charter?"]
    assert found["people"] == ["Grace Charterhouse"]
    text = response.content.decode()
    assert "nobody may see" not in text
    assert "privately" not in text


def test_a_section_with_more_results_leads_to_its_full_list(client, alice):
    for number in range(7):
        resource(alice, f"Grief walk guide {number}")
    run_tasks()
    client.force_login(alice)
    response = client.get(reverse("search:everything"), {"q": "grief"})
    section = next(item for item in response.context["sections"] if item["key"] == "resources")
    assert len(section["found"]) == 5
    assert section["total"] == 7
    assert section["more_url"] == reverse("library:list") + "?q=grief"
    assert section["more_url"].replace("&", "&amp;") in response.content.decode()


def test_nothing_found_says_so(client, alice):
    client.force_login(alice)
    response = client.get(reverse("search:everything"), {"q": "zzzzqqq"})
    assert response.context["nothing"]


def test_the_search_page_asks_the_same_number_of_queries_for_few_and_many_matches(client, alice):
    resource(alice, "Caregiver circle")
    run_tasks()
    client.force_login(alice)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("search:everything"), {"q": "caregiver"}).status_code == 200
        return len(queries)

    count()  # the site's name and such are cached by the first page
    few = count()
    for number in range(12):
        resource(alice, f"Caregiver circle {number}")
    run_tasks()
    assert count() == few


def test_no_naughty_string_makes_the_search_page_fail(client, alice):
    resource(alice, "A guide")
    client.force_login(alice)
    for value in NAUGHTY[::3]:
        assert client.get(reverse("search:everything"), {"q": value}).status_code == 200, value
