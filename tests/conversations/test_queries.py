"""Each conversations page costs the same number of queries however long its list is."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.conversations import services
from commonplace.conversations.models import Attachment, Reply, Space, Topic


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def files_for(topic, reply=None, count: int = 2) -> list[Attachment]:
    # Rows only: the page lists files without opening them.
    return [
        Attachment(
            topic=topic,
            reply=reply,
            file=f"conversations/files/{index}.pdf",
            original_name=f"file {index}.pdf",
            kind="pdf",
            content_type="application/pdf",
            size=1000,
        )
        for index in range(count)
    ]


def fill(space, author, topics: int, replies: int, files: int) -> Topic:
    topic = None
    for number in range(topics):
        topic = services.topic_start(space=space, author=author, title=f"T{number}", body="x")
    assert topic is not None
    made = Reply.objects.bulk_create(
        Reply(topic=topic, number=number, author=author, body=f"r{number}", body_html="<p>r</p>")
        for number in range(1, replies + 1)
    )
    Topic.objects.filter(pk=topic.pk).update(last_number=replies, reply_count=replies)
    # Files on the opening post and on every reply, more of them on the longer topic.
    Attachment.objects.bulk_create(
        [*files_for(topic, count=files)]
        + [item for reply in made for item in files_for(topic, reply, count=files)]
    )
    return topic


def test_the_space_list_topic_lists_and_topic_page_do_not_grow_with_their_content(
    client, alice, benoit
):
    small = Space.objects.create(slug="small", name_en="Small")
    large = Space.objects.create(slug="large", name_en="Large")
    for index in range(8):
        Space.objects.create(slug=f"extra-{index}", name_en=f"Extra {index}")
    few = fill(small, alice, topics=2, replies=3, files=1)
    many = fill(large, benoit, topics=30, replies=60, files=3)
    few.refresh_from_db()
    many.refresh_from_db()
    client.force_login(alice)
    # Both read to the end, so both pages have the same shape (no "first unread" link).
    for topic in (few, many):
        services.read_position_advance(member=alice, topic=topic, number=topic.last_number)
    client.get(reverse("conversations:spaces"))  # the community's name is cached after this
    assert queries(client, reverse("conversations:space", args=["small"])) == queries(
        client, reverse("conversations:space", args=["large"])
    )
    assert queries(client, reverse("conversations:spaces")) <= 12
    page = reverse("conversations:topic", args=["small", few.pk, few.slug])
    long_page = reverse("conversations:topic", args=["large", many.pk, many.slug])
    assert "file 2.pdf" in client.get(long_page).text
    assert queries(client, page) == queries(client, long_page)
    assert queries(client, long_page) <= 20
    assert queries(client, reverse("conversations:latest")) <= 14
