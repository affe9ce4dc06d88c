"""Finding topics by what was said in them, through the one search: never a topic the member
may not read, whatever the index holds, and never a 500 whatever is typed."""

import json
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.conversations import finding, moderation, selectors, services
from commonplace.conversations.models import Topic
from commonplace.search.models import SearchEntry
from commonplace.search.services import rebuild
from tests.conftest import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))


def found(client, words: str, space=None) -> list[str]:
    url = (
        reverse("conversations:space", args=[space.slug])
        if space
        else reverse("conversations:latest")
    )
    response = client.get(url, {"q": words})
    assert response.status_code == 200
    return [topic.title for topic in response.context["topics"]]


def matching(member, words: str) -> list[str]:
    return [topic.title for topic in selectors.topics_matching(member=member, query=words)]


def test_a_member_finds_a_topic_by_a_word_in_a_reply(client, open_space, alice, benoit):
    topic = services.topic_start(
        space=open_space, author=benoit, title="Evenings at home", body="How do you cope?"
    )
    services.topic_start(space=open_space, author=benoit, title="Another topic", body="Nothing")
    services.reply_post(topic=topic, author=benoit, body="Our **respite** volunteers help.")
    run_tasks()
    client.force_login(alice)
    assert found(client, "respite") == ["Evenings at home"]
    assert found(client, "RESPITE volunt", space=open_space) == ["Evenings at home"]
    page = client.get(reverse("conversations:latest"), {"q": "respite"})
    assert 'name="q" value="respite"' in page.text
    assert "1 topic matches" in page.text


def test_a_deleted_reply_no_longer_finds_its_topic(client, open_space, alice, benoit):
    topic = services.topic_start(space=open_space, author=benoit, title="Grief", body="Hello")
    reply = services.reply_post(topic=topic, author=benoit, body="A word about marmalade")
    run_tasks()
    assert matching(alice, "marmalade") == ["Grief"]
    services.reply_delete(reply=reply, member=benoit)
    run_tasks()
    assert matching(alice, "marmalade") == []
    assert matching(alice, "grief") == ["Grief"]


def test_a_topic_in_a_private_space_is_not_found_by_a_member_outside_it(
    client, private_space, chloe, olga, sam
):
    services.topic_start(
        space=private_space, author=chloe, title="Our circle", body="A confidential plan"
    )
    run_tasks()
    client.force_login(olga)
    assert found(client, "confidential") == []
    assert not SearchEntry.objects.filter(kind="topic", audience="members").exists()
    client.force_login(sam)
    assert found(client, "confidential") == ["Our circle"]


def test_a_hidden_topic_is_found_by_stewards_but_not_by_members(
    client, open_space, alice, benoit, sam
):
    topic = services.topic_start(
        space=open_space, author=benoit, title="Unkind words", body="Something rude here"
    )
    run_tasks()
    assert matching(alice, "rude") == ["Unkind words"]
    moderation.post_hide(topic=topic, reply=None, moderator=sam)
    run_tasks()
    client.force_login(alice)
    assert found(client, "rude") == []
    client.force_login(sam)
    assert found(client, "rude") == ["Unkind words"]


def test_an_edited_title_is_found_by_its_new_word_once_the_task_ran(open_space, alice, benoit):
    topic = services.topic_start(space=open_space, author=benoit, title="Morning tea", body="x")
    run_tasks()
    services.topic_edit(
        topic=topic, editor=benoit, title="Bereavement circle", body="x", kind=topic.kind
    )
    assert matching(alice, "bereavement") == []  # the worker has not run yet
    run_tasks()
    assert matching(alice, "bereavement") == ["Bereavement circle"]
    assert matching(alice, "morning") == []


def test_a_stale_entry_never_shows_a_topic_moved_to_a_private_space(
    open_space, private_space, chloe, olga, sam
):
    topic = services.topic_start(space=open_space, author=chloe, title="Moving soon", body="x")
    run_tasks()
    assert matching(olga, "moving") == ["Moving soon"]
    moderation.topic_set(topic=topic, moderator=sam, space=private_space)
    # Before the worker runs, the index still says every member may find it; the selector
    # checks again what olga may read.
    assert matching(olga, "moving") == []
    run_tasks()
    assert matching(chloe, "moving") == []  # members search no private space (yet)
    assert not SearchEntry.objects.filter(
        kind="topic", object_id=topic.pk, audience="members"
    ).exists()
    assert matching(sam, "moving") == ["Moving soon"]


def test_making_a_space_private_takes_its_topics_out_of_what_members_search(
    open_space, alice, benoit, sam
):
    services.topic_start(space=open_space, author=benoit, title="Quiet corner", body="x")
    run_tasks()
    open_space.is_private = True
    services.space_save(space=open_space, steward=sam)
    run_tasks()
    assert not SearchEntry.objects.filter(kind="topic", audience="members").exists()
    open_space.is_private = False
    services.space_save(space=open_space, steward=sam)
    run_tasks()
    assert matching(alice, "quiet") == ["Quiet corner"]


def test_a_merged_topic_is_found_through_the_one_it_joined(open_space, alice, benoit, sam):
    kept = services.topic_start(space=open_space, author=benoit, title="Respite", body="x")
    gone = services.topic_start(space=open_space, author=benoit, title="Twin", body="Lavender")
    run_tasks()
    moderation.topic_merge(topic=gone, into=kept, moderator=sam)
    run_tasks()
    assert matching(alice, "lavender") == ["Respite"]
    assert matching(sam, "twin") == []


def test_a_topic_waiting_for_approval_is_found_by_members_once_approved(
    open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=benoit, title="Held", body="x")
    Topic.objects.filter(pk=topic.pk).update(is_pending=True)
    services.topic_edit(topic=Topic.objects.get(pk=topic.pk), editor=benoit, title="Held",
                        body="x", kind=topic.kind)  # fmt: skip
    run_tasks()
    assert matching(alice, "held") == []
    assert matching(sam, "held") == ["Held"]
    moderation.post_approve(topic=Topic.objects.get(pk=topic.pk), reply=None, moderator=sam)
    run_tasks()
    assert matching(alice, "held") == ["Held"]


def test_rebuilding_the_index_gives_every_topic_its_entries(open_space, private_space, chloe):
    services.topic_start(space=open_space, author=chloe, title="Open one", body="x")
    services.topic_start(space=private_space, author=chloe, title="Closed one", body="x")
    counts = rebuild(kind="topic")
    # The open topic has both audiences, the private one only stewards.
    assert counts == {"topic": 3}


def test_the_searchable_text_stops_at_its_cap(open_space, alice):
    topic = services.topic_start(space=open_space, author=alice, title="Long", body="word " * 4000)
    for _ in range(10):
        services.reply_post(topic=topic, author=alice, body="reply " * 3000)
    documents = finding.topic_documents(Topic.objects.select_related("space").get(pk=topic.pk))
    assert len(documents["members"]) <= finding.MAX_TEXT_LENGTH
    assert documents["members"].startswith("Long\nword")


def test_naughty_strings_as_queries_never_break_the_list_pages(client, open_space, alice):
    services.topic_start(space=open_space, author=alice, title="Something to find", body="x")
    run_tasks()
    client.force_login(alice)
    latest = reverse("conversations:latest")
    in_space = reverse("conversations:space", args=[open_space.slug])
    for text in NAUGHTY:
        for url in (latest, in_space):
            response = client.get(url, {"q": text})
            assert response.status_code == 200, repr(text)


def test_the_search_page_costs_the_same_queries_for_few_or_many_results(
    client, open_space, alice, benoit, django_assert_max_num_queries
):
    for number in range(3):
        services.topic_start(space=open_space, author=benoit, title=f"Rare {number}", body="x")
    for number in range(30):
        topic = services.topic_start(
            space=open_space, author=benoit, title=f"Common {number}", body="x"
        )
        services.reply_post(topic=topic, author=alice, body="common ground")
    run_tasks()
    client.force_login(alice)
    url = reverse("conversations:latest")
    client.get(url)  # the community's name is cached after this

    def queries(words: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, {"q": words}).status_code == 200
        return len(captured)

    assert queries("rare") == queries("common")
    # The page's own queries, one search, one visibility check and the 25 rows.
    with django_assert_max_num_queries(12):
        client.get(url, {"q": "common", "page": "2"})
