"""The inbox and a conversation cost the same number of queries however long they are."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from commonplace.private_messages import services
from commonplace.private_messages.models import PrivateConversation, PrivateMessage
from tests.conftest import make_person


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def fill(conversation: PrivateConversation, authors, count: int) -> None:
    """``count`` more messages, written straight to the table like a long history."""
    start = conversation.last_number
    PrivateMessage.objects.bulk_create(
        PrivateMessage(
            conversation=conversation,
            number=start + number,
            author=authors[number % len(authors)],
            body=f"m{number}",
            body_html=f"<p>m{number}</p>",
        )
        for number in range(1, count + 1)
    )
    PrivateConversation.objects.filter(pk=conversation.pk).update(last_number=start + count)
    conversation.refresh_from_db()


def test_the_inbox_and_a_conversation_do_not_grow_with_their_content(client, alice, benoit):
    people = [make_person(f"p{n}@example.org", name=f"Person {n}") for n in range(8)]
    short = services.conversation_start(
        author=benoit, recipients=[alice], subject="Short", body="Hi"
    )
    long = services.conversation_start(
        author=benoit, recipients=[alice, *people], subject="Long", body="Hi all"
    )
    fill(long, [benoit, *people], 120)
    client.force_login(alice)
    client.get(reverse("core:home"))  # the community's name is cached after this

    inbox = reverse("private_messages:inbox")
    few = queries(client, inbox)
    for number in range(20):
        services.conversation_start(
            author=people[number % 8], recipients=[alice, benoit], subject=f"S{number}", body="x"
        )
    assert queries(client, inbox) == few
    assert few <= 12

    # Both read to the end first, so both pages have the same shape.
    for conversation in (short, long):
        services.read_up_to(conversation=conversation, member=alice, number=10_000)
    short_page = reverse("private_messages:conversation", args=[short.pk])
    long_page = reverse("private_messages:conversation", args=[long.pk]) + "?page=2"
    assert queries(client, short_page) == queries(client, long_page)
    assert queries(client, long_page) <= 14
