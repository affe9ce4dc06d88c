"""Private spaces and hidden posts never reach anyone who may not see them: not in lists,
counts, pages, partials, notifications, emails or exports."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from commonplace.conversations import moderation, services
from commonplace.conversations.models import SpaceFollow
from commonplace.notifications.models import Notification
from commonplace.people.exports import everything_about

SECRET = "Zanzibar-planning-7731"


@pytest.fixture
def secret_topic(private_space, chloe, sam):
    topic = services.topic_start(
        space=private_space, author=chloe, title=f"{SECRET} title", body=f"{SECRET} body",
        kind="question",
    )  # fmt: skip
    services.reply_post(topic=topic, author=sam, body=f"{SECRET} reply")
    return topic


def every_page_for(topic, space) -> list[tuple[str, str]]:
    """Every page and partial that could show the private space or its topic."""
    link = {"topic_id": topic.pk}
    reply = {"topic_id": topic.pk, "number": 1}
    return [
        ("get", reverse("core:home")),
        ("get", reverse("conversations:spaces")),
        ("get", reverse("conversations:latest")),
        ("get", reverse("conversations:latest") + "?show=unanswered"),
        ("get", reverse("conversations:space", args=[space.slug])),
        ("get", reverse("conversations:topic", args=[space.slug, topic.pk, topic.slug])),
        ("get", reverse("conversations:topic-link", kwargs=link)),
        ("get", reverse("conversations:reply-link", kwargs=reply)),
        ("get", reverse("conversations:first-unread", kwargs=link)),
        ("get", reverse("conversations:topic-history", kwargs=link)),
        ("get", reverse("conversations:reply-history", kwargs=reply)),
        ("get", reverse("conversations:topic-flag", kwargs=link)),
        ("get", reverse("conversations:reply-flag", kwargs=reply)),
        ("get", reverse("conversations:topic-new", args=[space.slug])),
        ("post", reverse("conversations:reply-new", kwargs=link)),
        ("post", reverse("conversations:react", kwargs=reply)),
        ("post", reverse("conversations:space-follow", args=[space.slug])),
        ("post", reverse("conversations:topic-follow", kwargs=link)),
        ("get", reverse("notifications:list")),
        ("get", reverse("people:my-data")),
    ]


def test_an_outsider_finds_no_trace_of_a_private_space(client, secret_topic, private_space, olga):
    client.force_login(olga)
    for method, url in every_page_for(secret_topic, private_space):
        headers = {"HX-Request": "true"} if method == "post" else {}
        response = getattr(client, method)(url, {"body": "x", "kind": "helpful"}, headers=headers)
        assert SECRET not in response.text, url
        assert "Secret circle" not in response.text, url
        assert response.status_code in (200, 302, 404), (url, response.status_code)


def test_the_same_walk_shows_the_space_to_its_members(client, secret_topic, private_space, chloe):
    """The control: the pages above do show the secret to someone allowed to see it."""
    client.force_login(chloe)
    seen = [
        url
        for method, url in every_page_for(secret_topic, private_space)
        if method == "get" and SECRET in client.get(url, follow=True).text
    ]
    assert len(seen) >= 6


def test_leaving_a_private_space_takes_its_notices_away_and_stops_new_ones(
    private_space, chloe, olga, sam
):
    services.space_save(space=private_space, steward=sam, members=[chloe, olga])
    services.space_follow(space=private_space, member=olga, follow=True)
    services.topic_start(space=private_space, author=chloe, title=f"{SECRET} one", body="x")
    assert Notification.objects.filter(recipient=olga).count() == 1
    services.space_save(space=private_space, steward=sam, members=[chloe])
    assert not Notification.objects.filter(recipient=olga).exists()
    # Her old follow is still there, but a private space tells only those inside it.
    assert SpaceFollow.objects.filter(space=private_space, member=olga).exists()
    services.topic_start(space=private_space, author=chloe, title=f"{SECRET} two", body="x")
    mention = f"[@Olga Outsider](/en/people/{olga.pk}/)"
    services.topic_start(space=private_space, author=chloe, title=SECRET, body=mention)
    assert not Notification.objects.filter(recipient=olga).exists()
    assert SECRET not in json.dumps(everything_about(olga), default=str)


@pytest.mark.django_db(transaction=True)
def test_no_email_about_a_private_space_reaches_an_outsider(private_space, chloe, olga, sam, tasks):
    SpaceFollow.objects.create(space=private_space, member=olga)
    SpaceFollow.objects.create(space=private_space, member=sam)
    services.topic_start(space=private_space, author=chloe, title=SECRET, body="x")
    tasks()
    recipients = [address for message in mail.outbox for address in message.to]
    # The steward, who may read the space, is told: the email path works; the outsider is not.
    assert recipients == ["sam@example.org"]


def test_a_hidden_reply_is_gone_for_members_but_not_for_its_author_or_moderators(
    client, open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Cafés", body="x")
    reply = services.reply_post(topic=topic, author=benoit, body=f"{SECRET} unkind words")
    assert Notification.objects.filter(recipient=alice, excerpt__contains=SECRET).exists()
    moderation.flag_raise(topic=topic, reply=reply, reporter=alice, reason="disrespectful")
    moderation.post_hide(topic=topic, reply=reply, moderator=sam)
    assert not Notification.objects.filter(recipient=alice, excerpt__contains=SECRET).exists()
    url = reverse("conversations:topic", args=[open_space.slug, topic.pk, topic.slug])
    client.force_login(alice)
    page = client.get(url).text
    assert SECRET not in page
    assert "0 replies" in page
    assert client.get(reverse("conversations:reply-history", args=[topic.pk, 1])).status_code == 404
    client.force_login(benoit)
    assert SECRET in client.get(url).text
    assert "Moderators have hidden this reply" in client.get(url).text
    client.force_login(sam)
    assert SECRET in client.get(url).text


def test_flags_reach_the_moderators_of_that_space_only(
    client, open_space, private_space, alice, benoit, chloe, sam
):
    topic = services.topic_start(space=open_space, author=alice, title="Flag me", body="x")
    reply = services.reply_post(topic=topic, author=benoit, body="Rude")
    moderation.flag_raise(topic=topic, reply=reply, reporter=alice, reason="disrespectful")
    client.force_login(chloe)
    assert client.get(reverse("conversations:moderation")).status_code == 403
    private_space.facilitators.add(chloe)
    assert "Flag me" not in client.get(reverse("conversations:moderation")).text
    open_space.facilitators.add(chloe)
    assert "Flag me" in client.get(reverse("conversations:moderation")).text
    client.force_login(sam)
    assert "Flag me" in client.get(reverse("conversations:moderation")).text
