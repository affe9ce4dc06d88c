"""Starting, answering, muting and leaving private conversations, and who is told."""

import pytest

from commonplace.accounts.models import User
from commonplace.notifications.models import Notification
from commonplace.people.services import account_delete, profile_update
from commonplace.private_messages import selectors, services
from commonplace.private_messages.models import Participant, PrivateConversation, PrivateMessage
from tests.conftest import make_person


def crowd(count: int) -> list[User]:
    return [make_person(f"person{n}@example.org", name=f"Person {n}") for n in range(count)]


def start(author, recipients, **kwargs):
    return services.conversation_start(
        author=author, recipients=recipients, subject="Hello", body="Hi", **kwargs
    )


def test_a_conversation_holds_two_to_ten_people_counting_its_author(alice):
    nine = crowd(9)
    conversation = start(alice, nine)
    assert conversation.participants.count() == 10
    with pytest.raises(ValueError, match="at most 10 people"):
        start(alice, [*nine, make_person("tenth@example.org", name="Tenth Person")])
    with pytest.raises(ValueError, match="at least one member"):
        start(alice, [])
    assert PrivateConversation.objects.count() == 1


def test_the_author_cannot_write_to_themself(alice, benoit):
    with pytest.raises(ValueError, match="already"):
        start(alice, [alice])
    with pytest.raises(ValueError, match="already"):
        start(alice, [benoit, alice])
    assert not PrivateConversation.objects.exists()


def test_deactivated_members_and_those_who_take_no_messages_are_refused_alike(alice, benoit, sam):
    benoit.is_active = False
    benoit.save()
    profile_update(user=sam, fields={}, accepts_messages=False)
    with pytest.raises(ValueError, match="cannot receive") as refused:
        start(alice, [benoit, sam])
    assert str(refused.value) == "Benoît Gagnon, Sam Tremblay cannot receive private messages."
    assert not PrivateConversation.objects.exists()
    assert not PrivateMessage.objects.exists()
    assert not Notification.objects.exists()


def test_naming_someone_twice_counts_them_once(alice, benoit):
    conversation = start(alice, [benoit, benoit])
    assert sorted(conversation.participants.values_list("member__email", flat=True)) == [
        "alice@example.org",
        "benoit@example.org",
    ]


def test_messages_are_numbered_from_one_and_the_author_has_read_their_own(letter, alice, chloe):
    third = services.message_post(conversation=letter, author=chloe, body="Third")
    assert list(letter.messages.values_list("number", flat=True)) == [1, 2, 3]
    assert third.number == 3
    assert third.body_html == "<p>Third</p>\n"
    letter.refresh_from_db()
    assert letter.last_number == 3
    reads = dict(letter.participants.values_list("member__email", "read_number"))
    assert reads == {"alice@example.org": 1, "benoit@example.org": 2, "chloe@example.org": 3}


def test_reading_never_moves_backwards_nor_past_the_end(letter, chloe):
    services.read_up_to(conversation=letter, member=chloe, number=99)
    assert Participant.objects.get(member=chloe).read_number == 2
    services.read_up_to(conversation=letter, member=chloe, number=1)
    assert Participant.objects.get(member=chloe).read_number == 2


def test_everyone_still_in_is_told_except_the_author(letter, alice, benoit, chloe):
    notices = Notification.objects.order_by("target_key", "recipient__email")
    assert [(n.recipient.email, n.target_key, n.kind) for n in notices] == [
        ("benoit@example.org", f"private:{letter.pk}/message:1", "private_messages.message"),
        ("chloe@example.org", f"private:{letter.pk}/message:1", "private_messages.message"),
        ("alice@example.org", f"private:{letter.pk}/message:2", "private_messages.message"),
        ("chloe@example.org", f"private:{letter.pk}/message:2", "private_messages.message"),
    ]
    notice = notices.filter(recipient=alice).get()
    assert notice.sentence == f"Benoît Gagnon wrote to you: “{letter.subject}”"
    assert notice.target_path() == f"/en/messages/{letter.pk}/m/2/"


def test_a_muted_conversation_tells_nothing_until_unmuted(letter, alice, benoit, chloe):
    services.conversation_mute(conversation=letter, member=chloe, mute=True)
    services.message_post(conversation=letter, author=alice, body="While muted")
    assert not Notification.objects.filter(recipient=chloe, target_key__endswith=":3").exists()
    assert Notification.objects.filter(recipient=benoit, target_key__endswith=":3").exists()
    # Still listed, still counted as unread in the inbox; only the header leaves it out.
    [place] = selectors.inbox(member=chloe, page_number=1).object_list
    assert place.unread == 3
    assert selectors.unread_count(member=chloe) == 0
    services.conversation_mute(conversation=letter, member=chloe, mute=False)
    services.message_post(conversation=letter, author=alice, body="Unmuted")
    assert Notification.objects.filter(recipient=chloe, target_key__endswith=":4").exists()
    assert selectors.unread_count(member=chloe) == 1


def test_leaving_takes_the_conversation_and_its_notices_away_for_good(letter, alice, chloe):
    assert Notification.objects.filter(recipient=chloe).count() == 2
    services.conversation_leave(conversation=letter, member=chloe)
    assert not Notification.objects.filter(recipient=chloe).exists()
    assert Notification.objects.filter(recipient=alice).count() == 1  # the others keep theirs
    assert selectors.place_in(member=chloe, conversation_id=letter.pk) is None
    assert list(selectors.inbox(member=chloe, page_number=1).object_list) == []
    assert selectors.unread_count(member=chloe) == 0
    services.message_post(conversation=letter, author=alice, body="After Chloé left")
    assert not Notification.objects.filter(recipient=chloe).exists()
    with pytest.raises(PermissionError):
        services.message_post(conversation=letter, author=chloe, body="Let me back in")
    with pytest.raises(PermissionError):
        services.conversation_mute(conversation=letter, member=chloe, mute=True)
    services.conversation_leave(conversation=letter, member=chloe)  # twice is harmless


def test_the_conversation_goes_when_its_last_participant_leaves(letter, alice, benoit, chloe):
    for person in (alice, benoit):
        services.conversation_leave(conversation=letter, member=person)
    assert PrivateConversation.objects.filter(pk=letter.pk).exists()
    services.conversation_leave(conversation=letter, member=chloe)
    assert not PrivateConversation.objects.filter(pk=letter.pk).exists()
    assert not PrivateMessage.objects.exists()
    assert not Notification.objects.exists()


def test_a_deleted_account_leaves_its_messages_to_a_former_member(letter, alice, benoit, chloe):
    account_delete(member=benoit)
    answer = PrivateMessage.objects.get(conversation=letter, number=2)
    assert answer.author is None
    assert answer.body.endswith("answer")
    assert sorted(letter.participants.values_list("member__email", flat=True)) == [
        "alice@example.org",
        "chloe@example.org",
    ]
    services.message_post(conversation=letter, author=alice, body="Still here")
    assert letter.messages.count() == 3


def test_a_member_may_be_in_many_conversations_and_sees_the_latest_first(alice, benoit, chloe):
    first = start(alice, [benoit])
    second = start(chloe, [benoit])
    services.message_post(conversation=first, author=alice, body="Back to the first")
    places = selectors.inbox(member=benoit, page_number=1).object_list
    assert [place.conversation_id for place in places] == [first.pk, second.pk]
    assert [[person.name for person in place.others] for place in places] == [
        ["Alice Martin"],
        ["Chloé Roy"],
    ]
    assert [place.unread for place in places] == [2, 1]
    assert selectors.unread_count(member=benoit) == 2
