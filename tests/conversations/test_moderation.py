"""New members' posts held for approval, trust, rate limits, merging and splitting topics."""

from django.core.cache import cache
from django.urls import reverse

from commonplace.conversations import moderation, selectors, services
from commonplace.conversations.models import Reply, Space, Topic, TopicFollow
from commonplace.core.models import AuditEntry
from commonplace.notifications.models import Notification

LINK = "See [our toolkit](https://example.org/toolkit)."


def hold_new_members(sam, trusted_after=3):
    moderation.policy_update(hold_first_posts=True, trusted_after=trusted_after, steward=sam)


def kinds_for(member) -> list[str]:
    return sorted(Notification.objects.filter(recipient=member).values_list("kind", flat=True))


def test_a_new_members_topic_waits_for_approval_and_is_announced_once_published(
    client, open_space, alice, benoit, sam
):
    hold_new_members(sam)
    services.space_follow(space=open_space, member=benoit, follow=True)
    topic = services.topic_start(space=open_space, author=alice, title="First steps", body=LINK)
    assert topic.is_pending
    assert kinds_for(benoit) == []
    client.force_login(benoit)
    assert "First steps" not in client.get(reverse("conversations:latest")).text
    assert client.get(reverse("conversations:topic-link", args=[topic.pk])).status_code == 404
    client.force_login(alice)
    page = client.get(reverse("conversations:topic-link", args=[topic.pk]), follow=True)
    assert "waits for a moderator" in page.text
    client.force_login(sam)
    queue = client.get(reverse("conversations:moderation")).text
    assert "First steps" in queue
    approve = reverse("conversations:topic-moderate", args=[topic.pk, "approve"])
    assert client.post(approve).status_code == 302
    topic.refresh_from_db()
    assert not topic.is_pending
    assert 'href="https://example.org/toolkit"' in topic.body_html
    assert kinds_for(benoit) == ["conversations.new_topic_in_space"]
    assert kinds_for(alice) == ["conversations.moderation"]
    assert Space.objects.get(pk=open_space.pk).topic_count == 1
    assert AuditEntry.objects.filter(verb="topic.approve", actor=sam).exists()


def test_a_held_reply_is_not_counted_until_approved_and_a_declined_one_never_is(
    open_space, alice, benoit, sam
):
    topic = services.topic_start(space=open_space, author=sam, title="Welcome", body="Hello")
    hold_new_members(sam)
    first = services.reply_post(topic=topic, author=alice, body="Hi!")
    second = services.reply_post(topic=topic, author=alice, body="Buy now")
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_number) == (0, 2)
    assert kinds_for(sam) == []
    page = selectors.replies_page(topic=topic, member=benoit, page_number=1, moderator=False)
    assert page.replies == []
    moderation.post_approve(topic=topic, reply=first, moderator=sam)
    moderation.post_decline(topic=topic, reply=second, moderator=sam)
    topic.refresh_from_db()
    assert topic.reply_count == 1
    assert kinds_for(sam) == ["conversations.reply_to_my_topic"]
    assert Reply.objects.get(pk=second.pk).is_hidden
    assert kinds_for(alice) == ["conversations.moderation", "conversations.moderation"]


def test_links_show_as_text_until_a_member_is_trusted(open_space, alice, sam):
    moderation.policy_update(hold_first_posts=False, trusted_after=2, steward=sam)
    mention = f"[@Sam Tremblay](/en/people/{sam.pk}/)"
    early = services.topic_start(
        space=open_space, author=alice, title="One", body=f"{LINK} {mention} ![x](https://e/x.png)"
    )
    assert "https://example.org/toolkit" not in early.body_html
    assert "our toolkit" in early.body_html
    assert "<img" not in early.body_html
    # A mention links within the site, so it stays a link.
    assert f'href="/en/people/{sam.pk}/"' in early.body_html
    services.topic_start(space=open_space, author=alice, title="Two", body="x")
    later = services.topic_start(space=open_space, author=alice, title="Three", body=LINK)
    assert 'href="https://example.org/toolkit"' in later.body_html
    steward_post = services.topic_start(space=open_space, author=sam, title="Four", body=LINK)
    assert 'href="https://example.org/toolkit"' in steward_post.body_html


def test_new_members_may_start_fewer_topics_an_hour(client, open_space, alice, sam):
    # Trusted only after ten posts, so her own three topics do not lift the limit.
    moderation.policy_update(hold_first_posts=False, trusted_after=10, steward=sam)
    cache.clear()
    client.force_login(alice)
    url = reverse("conversations:topic-new", args=[open_space.slug])
    for number in range(3):
        response = client.post(url, {"kind": "discussion", "title": f"T{number}", "body": "x"})
        assert response.status_code == 302
    typed = {"kind": "discussion", "title": "One more", "body": "Still typing"}
    refused = client.post(url, typed)
    assert refused.status_code == 200
    assert "many topics in the last hour" in refused.text
    assert "Still typing" in refused.text


def test_merging_moves_everything_and_old_links_follow(client, open_space, alice, benoit, sam):
    other = Space.objects.create(slug="other", name_en="Other")
    target = services.topic_start(space=open_space, author=sam, title="Main", body="Main text")
    for text in ("m1", "m2", "m3"):
        services.reply_post(topic=target, author=sam, body=text)
    duplicate = services.topic_start(space=other, author=alice, title="Same", body="Dup text")
    services.reply_post(topic=duplicate, author=benoit, body="d1")
    services.reply_post(topic=duplicate, author=alice, body="d2")
    moderation.topic_merge(topic=duplicate, into=target, moderator=sam)
    target.refresh_from_db()
    numbers = list(target.replies.order_by("number").values_list("number", "body"))
    assert numbers == [(1, "m1"), (2, "m2"), (3, "m3"), (4, "Dup text"), (5, "d1"), (6, "d2")]
    assert (target.reply_count, target.last_number) == (6, 6)
    assert TopicFollow.objects.filter(topic=target, member=benoit).exists()
    assert Space.objects.get(pk=other.pk).topic_count == 0
    assert "conversations.moderation" in kinds_for(alice)
    client.force_login(benoit)
    assert "Same" not in client.get(reverse("conversations:latest")).text
    old = client.get(reverse("conversations:topic-link", args=[duplicate.pk]), follow=True)
    assert old.redirect_chain[-1][0].endswith(f"/{target.pk}-main/")
    moved = client.get(reverse("conversations:reply-link", args=[duplicate.pk, 2]))
    assert moved.url.endswith(f"/{target.pk}-main/#reply-6")
    # Posting to the merged topic finds nothing there.
    reply = client.post(reverse("conversations:reply-new", args=[duplicate.pk]), {"body": "x"})
    assert reply.status_code == 404


def test_splitting_makes_a_new_topic_from_a_range_of_replies(client, open_space, alice, sam):
    topic = services.topic_start(space=open_space, author=alice, title="Long", body="x")
    for number in range(1, 7):
        services.reply_post(topic=topic, author=sam, body=f"r{number}")
    client.force_login(sam)
    url = reverse("conversations:topic-split", args=[topic.pk])
    form = {"title": "Side question", "space": open_space.slug, "first": 3, "last": 5}
    response = client.post(url, form)
    assert response.status_code == 302
    new = Topic.objects.get(title="Side question")
    assert new.body == "r3"
    assert list(new.replies.order_by("number").values_list("number", "body")) == [
        (1, "r4"),
        (2, "r5"),
    ]
    topic.refresh_from_db()
    assert topic.reply_count == 3
    assert client.get(reverse("conversations:reply-link", args=[topic.pk, 3])).url.endswith(
        f"/{new.pk}-side-question/"
    )
    assert client.get(reverse("conversations:reply-link", args=[topic.pk, 5])).url.endswith(
        "#reply-2"
    )
    backwards = client.post(url, form | {"first": 5, "last": 2})
    assert "The last reply comes after the first one." in backwards.text


def test_the_merge_form_takes_a_pasted_address_and_says_when_it_is_wrong(
    client, open_space, alice, sam
):
    first = services.topic_start(space=open_space, author=alice, title="A", body="x")
    second = services.topic_start(space=open_space, author=alice, title="B", body="y")
    client.force_login(sam)
    url = reverse("conversations:topic-merge", args=[first.pk])
    assert "number or paste" in client.post(url, {"into": "nothing here"}).text
    assert "Choose another topic" in client.post(url, {"into": str(first.pk)}).text
    address = f"http://127.0.0.1:8000/en/conversations/{open_space.slug}/{second.pk}-b/"
    assert client.post(url, {"into": address}).status_code == 302
    assert Topic.objects.get(pk=first.pk).merged_into_id == second.pk


def test_only_stewards_set_the_policy_for_new_members(client, open_space, chloe, sam):
    open_space.facilitators.add(chloe)
    client.force_login(chloe)
    url = reverse("conversations:moderation")
    assert client.get(url).status_code == 200
    assert client.post(url, {"hold_first_posts": "on", "trusted_after": "5"}).status_code == 403
    client.force_login(sam)
    assert client.post(url, {"trusted_after": "0"}).status_code == 200
    assert client.post(url, {"hold_first_posts": "on", "trusted_after": "5"}).status_code == 302
    assert selectors.policy().hold_first_posts
    assert AuditEntry.objects.filter(verb="moderation.policy").exists()


def test_files_go_with_their_posts_when_topics_are_merged_or_split(open_space, alice, sam):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from commonplace.conversations.attachments import check
    from commonplace.conversations.models import Attachment
    from tests.conversations.files import pdf

    def upload(name):
        return [check(SimpleUploadedFile(name, pdf(), content_type="application/pdf"))]

    target = services.topic_start(space=open_space, author=sam, title="Main", body="x")
    other = services.topic_start(
        space=open_space, author=alice, title="Dup", body="y", attachments=upload("plan.pdf")
    )
    services.reply_post(topic=other, author=alice, body="z", attachments=upload("notes.pdf"))
    moderation.topic_merge(topic=other, into=target, moderator=sam)
    placed = dict(Attachment.objects.values_list("original_name", "reply__number"))
    assert placed == {"plan.pdf": 1, "notes.pdf": 2}
    assert set(Attachment.objects.values_list("topic_id", flat=True)) == {target.pk}
    new = moderation.topic_split(
        topic=target, first=1, last=2, title="Apart", space=open_space, moderator=sam
    )
    placed = dict(Attachment.objects.values_list("original_name", "reply__number"))
    assert placed == {"plan.pdf": None, "notes.pdf": 1}
    assert set(Attachment.objects.values_list("topic_id", flat=True)) == {new.pk}
