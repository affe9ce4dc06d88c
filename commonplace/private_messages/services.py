"""Every change to private conversations, with its side effects: read positions and notices.

Who may see a conversation is decided by its participants alone: notices go only to people
still in it, and leaving takes a member's notices about it away.
"""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from commonplace.accounts.models import User
from commonplace.core.markdown import render_markdown
from commonplace.notifications.services import notify, withdraw
from commonplace.private_messages import notices
from commonplace.private_messages.models import (
    MAX_PEOPLE,
    MIN_PEOPLE,
    Participant,
    PrivateConversation,
    PrivateMessage,
)

EXCERPT_LENGTH = 200


class RecipientsRefused(ValueError):
    """The people named cannot make a conversation; the message says why, for the form."""


def _names(people: Iterable[User]) -> str:
    return ", ".join(sorted(person.display_name for person in people))


def _check_recipients(author: User, recipients: list[User]) -> None:
    from commonplace.people.models import Profile

    if any(person.pk == author.pk for person in recipients):
        raise RecipientsRefused(_("You are in the conversation already; name only the others."))
    if len(recipients) + 1 < MIN_PEOPLE:
        raise RecipientsRefused(_("Name at least one member to write to."))
    if len(recipients) + 1 > MAX_PEOPLE:
        raise RecipientsRefused(
            _("A private conversation has at most %(count)d people, you included.")
            % {"count": MAX_PEOPLE}
        )
    refusing = set(
        Profile.objects.filter(
            user__in=[person.pk for person in recipients], accepts_messages=False
        ).values_list("user_id", flat=True)
    )
    # One sentence for both cases, so the form never tells who has been deactivated.
    unreachable = [person for person in recipients if not person.is_active or person.pk in refusing]
    if unreachable:
        raise RecipientsRefused(
            _("%(names)s cannot receive private messages.") % {"names": _names(unreachable)}
        )


@transaction.atomic
def conversation_start(
    *, author: User, recipients: Iterable[User], subject: str, body: str
) -> PrivateConversation:
    """Start a conversation between ``author`` and ``recipients`` with its first message.

    From MIN_PEOPLE to MAX_PEOPLE people in all, the author included. Recipients must be
    active members who accept messages, and not the author: otherwise RecipientsRefused (a
    ValueError whose text the form shows next to the field) and nothing is stored. Each
    recipient is notified, and the who-wrote-to-whom ledger gets a row per recipient.
    """
    from commonplace.people.models import MemberMessage

    people = list({person.pk: person for person in recipients}.values())
    _check_recipients(author, people)
    now = timezone.now()
    conversation = PrivateConversation.objects.create(
        subject=subject, created_at=now, last_activity_at=now
    )
    Participant.objects.bulk_create(
        Participant(conversation=conversation, member=person, joined_at=now)
        for person in [author, *people]
    )
    # "People like me" leaves out those one has already written to or heard from.
    MemberMessage.objects.bulk_create(
        MemberMessage(sender=author, recipient=person, sent_at=now) for person in people
    )
    message_post(conversation=conversation, author=author, body=body)
    return conversation


def _participant(conversation: PrivateConversation, member: User) -> Participant:
    """The member's current place in the conversation; PermissionError if they have none."""
    participant = Participant.objects.filter(
        conversation=conversation, member=member, left_at__isnull=True
    ).first()
    if participant is None:
        raise PermissionError("Only a participant who has not left may do this")
    return participant


@transaction.atomic
def message_post(*, conversation: PrivateConversation, author: User, body: str) -> PrivateMessage:
    """Add a message at the end and tell the participants still in who have not muted it.

    Raises PermissionError if the author is not (or no longer) a participant. The counter is
    raised by an UPDATE, which holds the row until the transaction ends, so two messages sent
    at once never get the same number. The author has read up to their own message.
    """
    participant = _participant(conversation, author)
    now = timezone.now()
    PrivateConversation.objects.filter(pk=conversation.pk).update(
        last_number=F("last_number") + 1, last_activity_at=now
    )
    conversation.refresh_from_db(fields=["last_number", "last_activity_at"])
    message = PrivateMessage.objects.create(
        conversation=conversation,
        number=conversation.last_number,
        author=author,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
    )
    Participant.objects.filter(pk=participant.pk).update(read_number=message.number)
    listening = Participant.objects.filter(
        conversation=conversation, left_at__isnull=True, muted=False
    ).exclude(member=author)
    notify(
        recipients=listening.values_list("member_id", flat=True),
        kind=notices.MESSAGE,
        actor=author,
        target_key=notices.message_key(conversation.pk, message.number),
        url_name="private_messages:message-link",
        url_kwargs={"conversation_id": conversation.pk, "number": message.number},
        title=conversation.subject,
        excerpt=Truncator(" ".join(body.split())).chars(EXCERPT_LENGTH),
    )
    return message


@transaction.atomic
def conversation_leave(*, conversation: PrivateConversation, member: User) -> None:
    """The member leaves for good: the conversation and every notice about it go from their
    view, and they can no longer post. Leaving twice is harmless. Once nobody is left, the
    conversation itself is deleted: no one could ever read it again."""
    Participant.objects.filter(
        conversation=conversation, member=member, left_at__isnull=True
    ).update(left_at=timezone.now())
    withdraw(target_key_prefix=notices.conversation_key(conversation.pk), recipients=[member])
    if not Participant.objects.filter(conversation=conversation, left_at__isnull=True).exists():
        conversation.delete()


def conversation_mute(*, conversation: PrivateConversation, member: User, mute: bool) -> None:
    """Stop (or start again) notices of new messages; the conversation stays in the inbox."""
    _participant(conversation, member)
    Participant.objects.filter(conversation=conversation, member=member).update(muted=mute)


def read_up_to(*, conversation: PrivateConversation, member: User, number: int) -> None:
    """Remember that the member has seen every message up to ``number``; never moves back."""
    number = max(0, min(number, conversation.last_number))
    Participant.objects.filter(
        conversation=conversation, member=member, left_at__isnull=True, read_number__lt=number
    ).update(read_number=number)


def member_leave_all(*, member: User, remove_content: bool = False) -> None:
    """Leave every conversation, before the account is deleted: the others keep their copy,
    with the member's messages credited to a former member, whatever ``remove_content`` says
    (a letter stays with the people it was sent to)."""
    for conversation in PrivateConversation.objects.filter(
        participants__member=member, participants__left_at__isnull=True
    ):
        conversation_leave(conversation=conversation, member=member)
