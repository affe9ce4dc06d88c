"""A private conversation never reaches anyone outside it: not a page, a partial, a list, a
count, a notification, an email or a data download. Stewards and administrators are outside
it like anyone else, and so is a participant once they have left."""

import io
import zipfile

import pytest
from django.core import mail
from django.urls import reverse

from commonplace.private_messages import services
from commonplace.private_messages.models import PrivateMessage
from tests.conftest import run_tasks
from tests.private_messages.conftest import SECRET


def every_page_for(conversation) -> list[tuple[str, str]]:
    ids = {"conversation_id": conversation.pk}
    return [
        ("get", reverse("private_messages:conversation", kwargs=ids)),
        ("get", reverse("private_messages:conversation", kwargs=ids) + "?page=2"),
        ("get", reverse("private_messages:message-link", kwargs=ids | {"number": 1})),
        ("get", reverse("private_messages:message-link", kwargs=ids | {"number": 2})),
        ("post", reverse("private_messages:reply", kwargs=ids)),
        ("post", reverse("private_messages:mute", kwargs=ids)),
        ("post", reverse("private_messages:leave", kwargs=ids)),
    ]


def overview_pages() -> list[str]:
    return [
        reverse("private_messages:inbox"),
        reverse("private_messages:new"),
        reverse("notifications:list"),
        reverse("core:home"),
        reverse("conversations:spaces"),
        reverse("people:directory"),
    ]


def assert_locked_out(client, conversation) -> None:
    for method, url in every_page_for(conversation):
        for headers in ({}, {"HX-Request": "true"}):
            response = getattr(client, method)(
                url, {"body": "Let me in", "mute": "1"}, headers=headers
            )
            assert response.status_code == 404, (url, headers)
            assert SECRET not in response.text, url
    for url in overview_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        assert SECRET not in response.text, url
        assert 'class="badge"' not in response.text.split("messages-link")[1][:300], url
    assert not PrivateMessage.objects.filter(body="Let me in").exists()


def download(client) -> str:
    """Everything in the member's data download, as one text."""
    client.post(reverse("people:my-data"))
    run_tasks()
    token = client.get(reverse("people:my-data")).context["token"]
    response = client.get(reverse("people:my-data-download", args=[token]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("who", ["olga", "sam", "ada"])
def test_people_outside_the_conversation_find_no_trace_of_it(client, request, letter, who):
    """A member who was never in it, a steward and an administrator: all 404, nothing listed."""
    outsider = request.getfixturevalue(who)
    client.force_login(outsider)
    assert_locked_out(client, letter)
    run_tasks()
    assert [email for email in mail.outbox if outsider.email in email.to] == []
    assert SECRET not in download(client)


def test_a_participant_who_left_is_outside_it_from_then_on(client, letter, chloe, alice):
    client.force_login(chloe)
    left = client.post(reverse("private_messages:leave", args=[letter.pk]), follow=True)
    assert f"You have left “{SECRET} subject”" in left.text  # her own confirmation, once
    services.message_post(conversation=letter, author=alice, body=f"{SECRET} after she left")
    assert_locked_out(client, letter)
    exported = download(client)
    # Her own words are hers to take; she wrote none here, so nothing of it is left.
    assert SECRET not in exported


def test_a_participant_who_left_keeps_only_their_own_messages_in_their_download(
    client, letter, benoit
):
    services.conversation_leave(conversation=letter, member=benoit)
    client.force_login(benoit)
    text = download(client)
    assert f"{SECRET} answer" in text  # what he wrote
    assert f"{SECRET} first message" not in text  # what Alice wrote


def test_the_same_walk_shows_everything_to_a_participant(client, letter, chloe):
    """The control: each way in does show the conversation to someone in it."""
    client.force_login(chloe)
    for method, url in every_page_for(letter):
        if method == "get":
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            assert SECRET in response.text, url
    inbox = client.get(reverse("private_messages:inbox")).text
    assert f"{SECRET} subject" in inbox
    home = client.get(reverse("core:home")).text
    assert 'id="messages-link"' in home
    notifications = client.get(reverse("notifications:list")).text
    assert SECRET in notifications
    exported = download(client)
    assert f"{SECRET} first message" in exported
    assert f"{SECRET} answer" in exported


def test_the_header_counts_conversations_with_unread_messages(client, letter, chloe, alice):
    client.force_login(chloe)
    header = client.get(reverse("core:home")).text
    assert "(1 conversation with unread messages)" in header
    client.get(reverse("private_messages:conversation", args=[letter.pk]))
    header = client.get(reverse("core:home")).text
    assert "unread messages" not in header
    services.message_post(conversation=letter, author=alice, body="One more")
    assert "(1 conversation with unread messages)" in client.get(reverse("core:home")).text
