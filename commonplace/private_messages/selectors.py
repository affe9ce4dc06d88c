"""Reads of private conversations, always through the viewer's own participation.

Nothing here takes a conversation id alone: every read starts from the member's place in it,
so a conversation they are not in (or have left) is simply not found.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch

from commonplace.accounts.models import User
from commonplace.core import pagination
from commonplace.core.pagination import NumberedPage
from commonplace.private_messages.models import Participant, PrivateConversation, PrivateMessage

CONVERSATIONS_PER_PAGE = 25
MESSAGES_PER_PAGE = 50
# The header counts no further than this; "99+" says enough and keeps the count cheap.
UNREAD_COUNT_CAP = 100


def _current(member: User):
    return Participant.objects.filter(member=member, left_at__isnull=True)


def inbox(*, member: User, page_number) -> Page:
    """A page of the member's conversations, latest activity first.

    Each item is the member's Participant with ``conversation`` preloaded, ``unread`` (messages
    after their read position) and ``others`` (the other people still in it, each with their
    account). Three queries whatever the page length: the count, the rows, the people.
    """
    still_in = Participant.objects.filter(left_at__isnull=True).select_related("member")
    places = (
        _current(member)
        .select_related("conversation")
        .annotate(unread=F("conversation__last_number") - F("read_number"))
        .prefetch_related(
            Prefetch("conversation__participants", queryset=still_in, to_attr="present")
        )
        .order_by("-conversation__last_activity_at", "-conversation_id")
    )
    page = Paginator(places, CONVERSATIONS_PER_PAGE).get_page(page_number)
    for place in page.object_list:
        present = place.conversation.present
        place.others = [other.member for other in present if other.member_id != member.pk]
    return page


def unread_count(*, member: User) -> int:
    """How many conversations have messages the member has not read, muted ones left out,
    counted up to UNREAD_COUNT_CAP. One query."""
    return (
        _current(member)
        .filter(muted=False, conversation__last_number__gt=F("read_number"))
        .order_by()
        .values("pk")[:UNREAD_COUNT_CAP]
        .count()
    )


def place_in(*, member: User, conversation_id: int) -> Participant | None:
    """The member's current place in the conversation, with the conversation preloaded; None
    when it does not exist, or they are not in it, or they have left."""
    return (
        _current(member)
        .select_related("conversation")
        .filter(conversation_id=conversation_id)
        .first()
    )


def participants(conversation: PrivateConversation) -> list[Participant]:
    """Everyone who has been in the conversation, with their account, in the order they
    joined; ``has_left`` says who has gone."""
    return list(conversation.participants.select_related("member").order_by("joined_at", "pk"))


@dataclass
class MessagePage(NumberedPage):
    messages: list[PrivateMessage]

    @property
    def last_number_shown(self) -> int:
        return self.messages[-1].number if self.messages else 0


def page_of(number: int) -> int:
    """The page a message is on; pages hold fixed ranges of numbers, so a link to message 120
    always lands on the same page."""
    return pagination.page_of(number, per_page=MESSAGES_PER_PAGE)


def messages_page(*, conversation: PrivateConversation, page_number: int) -> MessagePage:
    """The messages numbered in one page's range, in order, each with its author. One query."""
    count = page_of(conversation.last_number)
    page_number = min(max(1, page_number), count)
    first = (page_number - 1) * MESSAGES_PER_PAGE + 1
    messages = (
        PrivateMessage.objects.filter(
            conversation=conversation, number__gte=first, number__lt=first + MESSAGES_PER_PAGE
        )
        .select_related("author")
        .order_by("number")
    )
    return MessagePage(number=page_number, count=count, messages=list(messages))


def for_data_download(member: User) -> list[dict]:
    """The member's private conversations, for their own data download.

    Conversations they are still in come whole, as they see them on the site. From those they
    left, only their own messages (and the subject if they started it): what the others wrote
    is no longer theirs to see. A conversation they left without writing in is not there.
    """
    places = list(
        Participant.objects.filter(member=member)
        .select_related("conversation")
        .order_by("conversation__created_at", "conversation_id")
    )
    ids = [place.conversation_id for place in places]
    messages: dict[int, list[PrivateMessage]] = {conversation_id: [] for conversation_id in ids}
    for message in (
        PrivateMessage.objects.filter(conversation_id__in=ids)
        .select_related("author")
        .order_by("conversation_id", "number")
    ):
        messages[message.conversation_id].append(message)
    people: dict[int, list[str]] = {conversation_id: [] for conversation_id in ids}
    for other in (
        Participant.objects.filter(conversation_id__in=ids, left_at__isnull=True)
        .select_related("member")
        .order_by("joined_at", "pk")
    ):
        people[other.conversation_id].append(other.member.display_name)
    result = []
    for place in places:
        left = place.left_at is not None
        shown = [
            message
            for message in messages[place.conversation_id]
            if not left or message.author_id == member.pk
        ]
        if left and not shown:
            continue
        started_it = bool(shown) and shown[0].number == 1 and shown[0].author_id == member.pk
        result.append(
            {
                # The subject is the starter's words: after leaving, kept only if that was them.
                "subject": place.conversation.subject if not left or started_it else None,
                "started": place.conversation.created_at.isoformat(),
                "joined": place.joined_at.isoformat(),
                "left": place.left_at.isoformat() if place.left_at else None,
                "muted": place.muted,
                "participants": [] if left else people[place.conversation_id],
                "messages": [
                    {
                        "number": message.number,
                        "from": message.author.display_name if message.author else None,
                        "mine": message.author_id == member.pk,
                        "sent": message.created_at.isoformat(),
                        "text": message.body,
                    }
                    for message in shown
                ],
            }
        )
    return result
