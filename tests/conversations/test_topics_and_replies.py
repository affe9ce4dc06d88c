"""Topics, replies, answers, reading and following, through the services and the pages."""

import pytest
from django.urls import reverse

from commonplace.conversations import moderation, services
from commonplace.conversations.models import Reply, Revision, Topic, TopicFollow
from commonplace.core.models import AuditEntry, FocusArea
from commonplace.notifications.models import Notification
from commonplace.people.models import Contribution


def kinds_for(member) -> list[str]:
    return sorted(Notification.objects.filter(recipient=member).values_list("kind", flat=True))


def test_replies_are_numbered_in_order_and_the_topic_counts_only_visible_ones(
    open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Respite", body="Ideas?")
    first = services.reply_post(topic=topic, author=benoit, body="One")
    second = services.reply_post(topic=topic, author=alice, body="Two")
    third = services.reply_post(topic=topic, author=benoit, body="Three")
    assert [first.number, second.number, third.number] == [1, 2, 3]
    services.reply_delete(reply=second, member=alice)
    moderation.post_hide(topic=topic, reply=third, moderator=sam)
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_number) == (1, 3)
    moderation.post_hide(topic=topic, reply=third, moderator=sam, hide=False)
    topic.refresh_from_db()
    assert topic.reply_count == 2
    # The next reply still gets a new number: links to deleted ones never change meaning.
    assert services.reply_post(topic=topic, author=alice, body="Four").number == 4


def test_an_accepted_answer_is_evidence_for_who_knows_and_the_answerer_is_told(
    open_space, alice, benoit
):
    area = FocusArea.objects.create(slug="caregiving", name_en="Caregiving", name_fr="Aidance")
    question = services.topic_start(
        space=open_space, author=alice, title="Finding caregivers", body="How?",
        kind="question", areas=[area],
    )  # fmt: skip
    answer = services.reply_post(topic=question, author=benoit, body="Pharmacies.")
    services.answer_accept(topic=question, reply=answer, member=alice)
    contribution = Contribution.objects.get(member=benoit)
    assert contribution.kind == "accepted_answer"
    assert list(contribution.focus_areas.all()) == [area]
    assert "conversations.answer_accepted" in kinds_for(benoit)
    services.answer_accept(topic=question, reply=None, member=alice)
    assert not Contribution.objects.filter(member=benoit).exists()


def test_an_answer_in_a_private_space_leaves_no_public_trace(private_space, chloe, sam):
    question = services.topic_start(
        space=private_space, author=sam, title="Secret plan", body="?", kind="question"
    )
    answer = services.reply_post(topic=question, author=chloe, body="Yes.")
    services.answer_accept(topic=question, reply=answer, member=sam)
    assert not Contribution.objects.filter(member=chloe).exists()


def test_each_person_is_told_once_about_a_reply_in_the_way_that_concerns_them(
    open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Cafés", body="Who?")
    services.topic_follow(topic=topic, member=sam, follow=True)
    services.reply_post(topic=topic, author=benoit, body="Me")
    assert kinds_for(alice) == ["conversations.reply_to_my_topic"]
    assert kinds_for(sam) == ["conversations.reply_in_followed_topic"]
    assert kinds_for(benoit) == []
    # Replying followed the topic for Benoît.
    assert TopicFollow.objects.filter(topic=topic, member=benoit).exists()


def test_a_mention_replaces_the_follower_notice_and_is_not_repeated_after_an_edit(
    open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Charters", body="…")
    services.topic_follow(topic=topic, member=sam, follow=True)
    body = f"Ask [@Sam Tremblay](/en/people/{sam.pk}/) about it."
    reply = services.reply_post(topic=topic, author=benoit, body=body)
    assert kinds_for(sam) == ["conversations.mention"]
    services.reply_edit(reply=reply, editor=benoit, body=body + " Thanks!")
    assert kinds_for(sam) == ["conversations.mention"]


def test_new_topics_are_announced_to_the_space_followers(open_space, alice, benoit):
    services.space_follow(space=open_space, member=benoit, follow=True)
    services.topic_start(space=open_space, author=alice, title="Hello", body="Hi")
    assert kinds_for(benoit) == ["conversations.new_topic_in_space"]


def test_reading_a_topic_moves_the_read_position_and_the_list_counts_the_rest(
    client, open_space, alice, benoit
):
    topic = services.topic_start(space=open_space, author=alice, title="Grief", body="Talk")
    services.reply_post(topic=topic, author=alice, body="One")
    client.force_login(benoit)
    listed = client.get(reverse("conversations:space", args=[open_space.slug]))
    assert "New" in listed.text
    client.get(reverse("conversations:topic-link", args=[topic.pk]), follow=True)
    services.reply_post(topic=topic, author=alice, body="Two")
    services.reply_post(topic=topic, author=alice, body="Three")
    listed = client.get(reverse("conversations:space", args=[open_space.slug]))
    assert "2 unread" in listed.text
    jump = client.get(reverse("conversations:first-unread", args=[topic.pk]))
    assert jump.url.endswith("#reply-2")


def test_a_new_title_keeps_old_links_working(client, open_space, alice):
    topic = services.topic_start(space=open_space, author=alice, title="First title", body="x")
    old = reverse("conversations:topic", args=[open_space.slug, topic.pk, topic.slug])
    services.topic_edit(
        topic=topic, editor=alice, title="Better title", body="x", kind="discussion"
    )
    client.force_login(alice)
    response = client.get(old)
    assert response.status_code == 302
    assert response.url.endswith(f"/{topic.pk}-better-title/")


def test_a_reply_link_opens_the_page_it_is_on(client, open_space, alice):
    topic = services.topic_start(space=open_space, author=alice, title="Long", body="x")
    for number in range(1, 121):
        Reply.objects.create(topic=topic, number=number, author=alice, body=str(number))
    Topic.objects.filter(pk=topic.pk).update(last_number=120, reply_count=120)
    client.force_login(alice)
    response = client.get(reverse("conversations:reply-link", args=[topic.pk, 120]))
    assert response.url.endswith("?page=3#reply-120")
    page = client.get(response.url.split("#")[0])
    assert 'id="reply-120"' in page.text
    assert 'id="reply-100"' not in page.text


def test_edits_keep_the_earlier_text_and_a_moderators_edit_is_audited_and_told(
    client, open_space, alice, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Plan", body="x")
    reply = services.reply_post(topic=topic, author=alice, body="Original words")
    services.reply_edit(reply=reply, editor=sam, body="Gentler words")
    assert Revision.objects.get(reply=reply).body == "Original words"
    assert AuditEntry.objects.filter(verb="reply.edit", actor=sam).exists()
    assert "conversations.moderation" in kinds_for(alice)
    client.force_login(alice)
    history = client.get(reverse("conversations:reply-history", args=[topic.pk, 1]))
    assert "Original words" in history.text


def test_a_locked_topic_takes_replies_only_from_moderators(client, open_space, alice, benoit, sam):
    topic = services.topic_start(space=open_space, author=alice, title="Closed", body="x")
    moderation.topic_set(topic=topic, moderator=sam, is_locked=True)
    client.force_login(benoit)
    url = reverse("conversations:reply-new", args=[topic.pk])
    assert client.post(url, {"body": "Late"}).status_code == 403
    client.force_login(sam)
    assert client.post(url, {"body": "Moderator note"}).status_code == 302


def test_posting_with_htmx_returns_the_reply_and_a_fresh_form(client, open_space, alice, benoit):
    topic = services.topic_start(space=open_space, author=alice, title="Quick", body="x")
    client.force_login(benoit)
    url = reverse("conversations:reply-new", args=[topic.pk])
    response = client.post(url, {"body": "In place"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'id="reply-1"' in response.text
    assert "In place" in response.text
    assert 'hx-swap-oob="true"' in response.text
    empty = client.post(url, {"body": "   "}, headers={"HX-Request": "true"})
    assert empty["HX-Retarget"] == "#reply-form-wrap"
    assert 'class="errorlist' in empty.text


def test_a_reply_form_with_errors_keeps_what_was_typed(client, open_space, alice):
    topic = services.topic_start(space=open_space, author=alice, title="Long one", body="x")
    client.force_login(alice)
    typed = "word " * 5000
    response = client.post(reverse("conversations:reply-new", args=[topic.pk]), {"body": typed})
    assert response.status_code == 422
    assert "Please shorten this" in response.text
    assert typed.strip() in response.text


@pytest.mark.parametrize("show", ["latest", "unanswered", "following", "mine"])
def test_every_list_of_topics_answers(client, open_space, alice, show):
    services.topic_start(
        space=open_space, author=alice, title="A question", body="?", kind="question"
    )
    client.force_login(alice)
    response = client.get(reverse("conversations:latest") + f"?show={show}")
    assert response.status_code == 200
    assert "A question" in response.text
