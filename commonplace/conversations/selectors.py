"""Reads for conversations, already narrowed to what the member may see.

Every list is one query for its rows plus a fixed few for what they show, whatever its length.
"""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from commonplace.accounts.models import User
from commonplace.accounts.permissions import is_steward
from commonplace.conversations import finding
from commonplace.conversations.models import (
    Attachment,
    Flag,
    Policy,
    Reaction,
    ReadPosition,
    Reply,
    Space,
    SpaceFollow,
    Topic,
    TopicFollow,
)
from commonplace.core import pagination
from commonplace.core.pagination import NumberedPage
from commonplace.search.selectors import search

TOPICS_PER_PAGE = 25
REPLIES_PER_PAGE = 50
SHOWS = ("latest", "unanswered", "following", "mine")
# The best matches a topic search looks at: more pages than anyone reads, and few enough ids
# to check against what the member may see in one query.
SEARCH_LIMIT = 500


def _member_of(member: User, *, through_topic: bool = False) -> Q:
    """Spaces (or, ``through_topic``, topics in spaces) that ``member`` may read."""
    if is_steward(member):
        return Q()
    space = OuterRef("space_id" if through_topic else "pk")
    inside = Space.members.through.objects.filter(space_id=space, user_id=member.pk)
    facilitating = Space.facilitators.through.objects.filter(space_id=space, user_id=member.pk)
    private = "space__is_private" if through_topic else "is_private"
    return Q(**{private: False}) | Q(Exists(inside)) | Q(Exists(facilitating))


def spaces_visible_to(member: User) -> QuerySet[Space]:
    """Spaces the member may read, in their order, each with ``following`` (the member follows
    it)."""
    return (
        Space.objects.filter(_member_of(member))
        .annotate(following=Exists(SpaceFollow.objects.filter(space=OuterRef("pk"), member=member)))
        .order_by("position", "name_en")
    )


def space_for(member: User, slug: str) -> Space | None:
    space = (
        Space.objects.filter(_member_of(member), slug=slug)
        .annotate(following=Exists(SpaceFollow.objects.filter(space=OuterRef("pk"), member=member)))
        .first()
    )
    if space is not None:
        _preload_people(space)
    return space


def _preload_people(space: Space) -> None:
    space.facilitator_ids = set(space.facilitators.values_list("pk", flat=True))  # type: ignore[attr-defined]
    if space.is_private:
        space.member_ids = set(space.members.values_list("pk", flat=True))  # type: ignore[attr-defined]


def moderated_space_ids(member: User) -> set[int] | None:
    """Spaces the member moderates; ``None`` means every space (a steward)."""
    if is_steward(member):
        return None
    return set(member.facilitated_spaces.values_list("pk", flat=True))


def topics_visible_to(
    *, member: User, space: Space | None = None, show: str = "latest", page_number=None
) -> Page:
    """One page of topics, newest activity first (pinned ones first inside a space); see
    ``topics_shown``.

    The page's topics are chosen first, by their ids alone, and only those 25 get their read
    positions and unread counts: worked out for every topic before sorting, they made a list
    of 20,000 topics take a tenth of a second.
    """
    chosen = topics_shown(member=member, space=space, show=show, counts=False)
    page = Paginator(chosen.values_list("pk", flat=True), TOPICS_PER_PAGE).get_page(page_number)
    ids = list(page.object_list)
    found = {topic.pk: topic for topic in topics_shown(member=member).filter(pk__in=ids)}
    page.object_list = [found[pk] for pk in ids if pk in found]
    return page


def topics_shown(
    *, member: User, space: Space | None = None, show: str = "latest", counts: bool = True
) -> QuerySet:
    """Topics the member may see, in list order. Each topic carries ``read_number`` (None when
    the member never opened it), ``unread`` (replies they can see posted after that) and
    ``author`` and ``space`` preloaded. Hidden topics and those waiting for approval are left
    out, except for their author and the space's moderators; merged topics always are. With
    ``counts=False``, only the choice and the order, nothing worked out per topic.
    """
    moderated = moderated_space_ids(member)
    topics = Topic.objects.filter(_member_of(member, through_topic=True), merged_into=None)
    if moderated is not None:
        topics = topics.filter(
            Q(is_hidden=False, is_pending=False) | Q(author=member) | Q(space_id__in=moderated)
        )
    if space is not None:
        topics = topics.filter(space=space)
    if show == "unanswered":
        topics = topics.filter(kind=Topic.Kind.QUESTION, accepted_reply__isnull=True)
    elif show == "following":
        topics = topics.filter(
            Exists(TopicFollow.objects.filter(topic=OuterRef("pk"), member=member))
        )
    elif show == "mine":
        topics = topics.filter(author=member)
    order = [*(["-is_pinned"] if space is not None else []), "-last_activity_at", "-pk"]
    if not counts:
        return topics.order_by(*order)
    read = ReadPosition.objects.filter(topic=OuterRef("pk"), member=member).values("number")[:1]
    unread = (
        Reply.objects.filter(
            topic=OuterRef("pk"),
            number__gt=OuterRef("read_number"),
            deleted_at__isnull=True,
            is_hidden=False,
            is_pending=False,
        )
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values("count")
    )
    topics = (
        topics.annotate(read_number=Subquery(read, output_field=IntegerField()))
        .annotate(unread=Coalesce(Subquery(unread, output_field=IntegerField()), Value(0)))
        .select_related("space", "author")
        .order_by(*order)
    )
    return topics


def topics_matching(
    *,
    member: User,
    query: str,
    space: Space | None = None,
    page_number=None,
    limit: int = SEARCH_LIMIT,
) -> Page:
    """One page of the topics the member may see (in ``space`` if given) whose text has every
    word of ``query``, best match first, each topic as ``topics_shown`` gives it (``space``
    and ``author`` preloaded, ``read_number``, ``unread``). Only the ``limit`` best matches
    are considered. Any string is a valid query; one without letters or digits matches nothing.

    A member searches what every member may read, a steward also hidden and waiting topics.
    A private space's topics are not in what members search, even for the members of that
    space (search audiences are not per space yet). Search entries are written by the worker
    and may lag behind a change, so every match is checked again against what the member may
    see now, in SQL: nothing the member may not read can come back.
    """
    audiences = ["members", "stewards"] if is_steward(member) else ["members"]
    ranked = [
        pk
        for pk, _score in search(kind=finding.KIND, query=query, audiences=audiences, limit=limit)
    ]
    visible = set(
        topics_shown(member=member, space=space, counts=False)
        .filter(pk__in=ranked)
        .values_list("pk", flat=True)
    )
    page = Paginator([pk for pk in ranked if pk in visible], TOPICS_PER_PAGE).get_page(page_number)
    ids = list(page.object_list)
    found = {topic.pk: topic for topic in topics_shown(member=member).filter(pk__in=ids)}
    page.object_list = [found[pk] for pk in ids if pk in found]
    return page


def topic_for(member: User, topic_id: int) -> Topic | None:
    """The topic with its space (permissions preloaded), author, focus areas and
    ``opening_attachments`` (the files on its opening post), and ``following``/``read_number``
    for this member; ``None`` if it does not exist. The caller checks
    ``permissions.can_see_topic``."""
    topic = (
        Topic.objects.select_related("space", "author", "accepted_reply__author")
        .prefetch_related(
            "areas",
            Prefetch(
                "attachments",
                queryset=Attachment.objects.filter(reply__isnull=True),
                to_attr="opening_attachments",
            ),
        )
        .annotate(
            following=Exists(TopicFollow.objects.filter(topic=OuterRef("pk"), member=member)),
            read_number=Subquery(
                ReadPosition.objects.filter(topic=OuterRef("pk"), member=member).values("number")[
                    :1
                ],
                output_field=IntegerField(),
            ),
        )
        .filter(pk=topic_id)
        .first()
    )
    if topic is not None:
        _preload_people(topic.space)
    return topic


@dataclass
class ReplyPage(NumberedPage):
    replies: list[Reply]


def page_of(number: int) -> int:
    """The page a reply number is on; pages hold fixed ranges of numbers, so a permalink
    always lands on the same page."""
    return pagination.page_of(number, per_page=REPLIES_PER_PAGE)


def replies_page(*, topic: Topic, member: User, page_number: int, moderator: bool) -> ReplyPage:
    """Replies numbered in one page's range, in order, with author, ``in_reply_to`` (and its
    author), ``helpful``/``thanks`` counts, ``my_kinds`` (the kinds this member gave) and
    ``shown_attachments`` (its files; the template shows none for a deleted reply).

    Hidden replies are left out unless the member wrote them or moderates; deleted replies stay
    as placeholders so numbers and "in reply to" links still make sense.
    """
    count = max(1, page_of(topic.last_number))
    page_number = min(max(1, page_number), count)
    first = (page_number - 1) * REPLIES_PER_PAGE + 1
    replies = Reply.objects.filter(
        topic=topic, number__gte=first, number__lt=first + REPLIES_PER_PAGE
    )
    if not moderator:
        replies = replies.filter(Q(is_hidden=False, is_pending=False) | Q(author=member))
    replies = (
        replies.select_related("author", "in_reply_to__author")
        .annotate(
            helpful=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.HELPFUL)),
            thanks=Count("reactions", filter=Q(reactions__kind=Reaction.Kind.THANKS)),
        )
        .prefetch_related(
            Prefetch(
                "reactions",
                queryset=Reaction.objects.filter(member=member),
                to_attr="my_reactions",
            ),
            Prefetch("attachments", queryset=Attachment.objects.all(), to_attr="shown_attachments"),
        )
        .order_by("number")
    )
    shown: list[Reply] = list(replies)
    for reply in shown:
        reply.my_kinds = {reaction.kind for reaction in reply.my_reactions}  # type: ignore[attr-defined]
        label_reply(reply)
    return ReplyPage(number=page_number, count=count, replies=shown)


def label_reply(reply: Reply) -> Reply:
    """Give the reply what its template shows: ``label`` ("reply 12", for screen readers) and
    ``number_text`` (to build its links without reversing a URL per reply)."""
    reply.label = gettext("reply %(number)s") % {"number": reply.number}  # type: ignore[attr-defined]
    reply.number_text = str(reply.number)  # type: ignore[attr-defined]
    return reply


def first_unread_number(topic: Topic, member: User) -> int:
    """The first reply the member has not read, or the last one if they are up to date."""
    read = topic.read_number or 0  # type: ignore[attr-defined]
    following = (
        Reply.objects.filter(topic=topic, number__gt=read, deleted_at__isnull=True)
        .filter(Q(is_hidden=False, is_pending=False) | Q(author=member))
        .order_by("number")
        .values_list("number", flat=True)
        .first()
    )
    return following or topic.last_number


def new_for_member(member: User, *, since, limit: int = 8) -> list[Topic]:
    """Topics with activity since ``since`` in spaces or topics the member follows, newest first,
    with ``unread`` as in ``topics_visible_to``."""
    followed = Q(Exists(TopicFollow.objects.filter(topic=OuterRef("pk"), member=member))) | Q(
        Exists(SpaceFollow.objects.filter(space=OuterRef("space_id"), member=member))
    )
    topics = topics_shown(member=member).filter(followed, last_activity_at__gt=since)
    return [topic for topic in topics[:limit] if topic.read_number is None or topic.unread]


def open_flags(member: User) -> QuerySet[Flag]:
    """Flags waiting for a decision, in the spaces this member moderates, oldest first."""
    flags = Flag.objects.filter(outcome=Flag.Outcome.OPEN).select_related(
        "topic__space", "topic__author", "reply__author", "reporter"
    )
    moderated = moderated_space_ids(member)
    if moderated is not None:
        flags = flags.filter(topic__space_id__in=moderated)
    return flags.order_by("created_at", "pk")


def open_flag_count(member: User) -> int:
    moderated = moderated_space_ids(member)
    if moderated == set():
        return 0
    return open_flags(member).count()


def policy() -> Policy:
    """The moderation policy (created with its defaults the first time it is read)."""
    found, _created = Policy.objects.get_or_create(pk=1)
    return found


def is_trusted(member: User, rules: Policy | None = None) -> bool:
    """Stewards, and members with at least ``trusted_after`` published posts."""
    if is_steward(member):
        return True
    needed = (rules or policy()).trusted_after
    published = {"author": member, "is_hidden": False, "is_pending": False}
    topics = Topic.objects.filter(**published).values("pk")[:needed].count()
    if topics >= needed:
        return True
    replies = Reply.objects.filter(deleted_at__isnull=True, **published).values("pk")
    return topics + replies[: needed - topics].count() >= needed


def pending_posts(member: User) -> tuple[list[Topic], list[Reply]]:
    """New members' posts waiting for approval in the spaces this member moderates, oldest
    first (at most 100 of each)."""
    moderated = moderated_space_ids(member)
    topics = Topic.objects.filter(is_pending=True, is_hidden=False).select_related(
        "space", "author"
    )
    replies = Reply.objects.filter(
        is_pending=True, is_hidden=False, deleted_at__isnull=True
    ).select_related("topic__space", "author")
    if moderated is not None:
        topics = topics.filter(space_id__in=moderated)
        replies = replies.filter(topic__space_id__in=moderated)
    return list(topics.order_by("created_at")[:100]), list(replies.order_by("created_at")[:100])


def moved_to(topic_id: int, number: int) -> tuple[Topic, int] | None:
    """Where reply ``number`` of a topic went when moderators merged or split the topic: the
    topic it is in now and its number there (0: it became that topic's opening post)."""
    reply = (
        Reply.objects.select_related("topic__space")
        .filter(moved_from_topic_id=topic_id, moved_from_number=number)
        .first()
    )
    if reply is not None:
        return reply.topic, reply.number
    opened = (
        Topic.objects.select_related("space")
        .filter(split_from_topic_id=topic_id, split_from_number=number)
        .first()
    )
    return (opened, 0) if opened is not None else None
