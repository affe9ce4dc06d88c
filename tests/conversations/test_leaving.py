"""A member who deletes their account, keeping or removing what they wrote in conversations."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from commonplace.conversations.attachments import CheckedFile
from commonplace.conversations.models import Attachment, Reply, Revision, Space, Topic
from commonplace.conversations.services import (
    answer_accept,
    reply_edit,
    reply_post,
    topic_start,
)
from commonplace.people.services import account_delete
from commonplace.search.models import SearchEntry
from tests.conftest import make_person, run_tasks
from tests.conversations.files import pdf


def a_pdf(text: str) -> CheckedFile:
    return CheckedFile(
        name="notes.pdf", kind="pdf", content_type="application/pdf", content=pdf(text)
    )


def topic_page(topic: Topic) -> str:
    return reverse("conversations:topic-link", kwargs={"topic_id": topic.pk})


def test_leaving_without_removing_keeps_what_they_wrote_for_a_former_member(
    client, open_space, alice, benoit
):
    hana = make_person("hana@example.org", name="Hana Leaving")
    topic = topic_start(space=open_space, author=hana, title="Rural drivers", body="Who drives?")
    reply_post(topic=topic, author=benoit, body="Our volunteers do.")
    answer = reply_post(topic=topic, author=hana, body="Thanks, we will ask ours.")
    account_delete(member=hana)
    answer.refresh_from_db()
    assert answer.author is None
    assert answer.body == "Thanks, we will ask ours."
    client.force_login(alice)
    shown = client.get(topic_page(topic), follow=True).content.decode()
    assert "Who drives?" in shown
    assert "Thanks, we will ask ours." in shown
    assert "Hana Leaving" not in shown


@pytest.mark.django_db(transaction=True)
def test_removing_what_they_wrote_erases_their_replies_files_and_earlier_versions(
    client, open_space, alice, benoit
):
    hana = make_person("hana@example.org", name="Hana Leaving")
    topic = topic_start(space=open_space, author=alice, title="Grief cafés", body="How often?")
    reply = reply_post(
        topic=topic, author=hana, body="Monthly, in the library.", attachments=[a_pdf("Our plan")]
    )
    reply_edit(reply=reply, editor=hana, body="Monthly, at the Saguenay library.")
    answer_accept(topic=topic, reply=reply, member=alice)
    kept = reply_post(topic=topic, author=benoit, body="Weekly works for us.")
    stored = Attachment.objects.get(reply=reply).file.name
    assert default_storage.exists(stored)

    account_delete(member=hana, remove_content=True)
    run_tasks()

    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.deleted_at is not None
    assert (reply.body, reply.body_html) == ("", "")
    assert not Revision.objects.filter(reply=reply).exists()
    assert not Attachment.objects.filter(reply=reply).exists()
    assert not default_storage.exists(stored)
    assert topic.accepted_reply is None
    assert topic.reply_count == 1
    assert Reply.objects.get(pk=kept.pk).body == "Weekly works for us."
    client.force_login(alice)
    shown = client.get(topic_page(topic), follow=True).content.decode()
    assert "Saguenay" not in shown
    assert "Monthly" not in shown
    assert "Weekly works for us." in shown
    assert not SearchEntry.objects.filter(text__icontains="Saguenay").exists()


@pytest.mark.django_db(transaction=True)
def test_their_topics_go_unless_others_answered_them_and_then_only_the_opening_text_goes(
    client, alice
):
    space = Space.objects.create(slug="open", name_en="Open")
    hana = make_person("hana@example.org", name="Hana Leaving")
    alone = topic_start(
        space=space, author=hana, title="Anyone in Gaspé?", body="Looking for Gaspé neighbours.",
        attachments=[a_pdf("Gaspé map")],
    )  # fmt: skip
    answered = topic_start(
        space=space, author=hana, title="Charter wording", body="Our draft says Kamouraska."
    )
    reply_post(topic=answered, author=alice, body="Ours is on the city site.")
    run_tasks()
    space.refresh_from_db()
    assert space.topic_count == 2
    stored = Attachment.objects.get(topic=alone).file.name

    account_delete(member=hana, remove_content=True)
    run_tasks()

    space.refresh_from_db()
    assert not Topic.objects.filter(pk=alone.pk).exists()
    assert not default_storage.exists(stored)
    assert space.topic_count == 1
    answered.refresh_from_db()
    assert answered.title == "Charter wording"
    assert (answered.body, answered.body_html) == ("", "")
    client.force_login(alice)
    response = client.get(topic_page(answered), follow=True)
    shown = response.content.decode()
    assert "Kamouraska" not in shown
    assert "Ours is on the city site." in shown
    assert "taken their words with them" in shown
    assert client.get(topic_page(alone)).status_code == 404
    for word in ("Gaspé", "Kamouraska"):
        assert not SearchEntry.objects.filter(text__icontains=word).exists(), word
