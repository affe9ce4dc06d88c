"""What moderators (stewards everywhere, facilitators in their spaces) do to posts and topics.

Every act is recorded in the audit log and its author is told in their own language
(``notices.moderation_told``); the member-facing changes are in ``services``.
"""

import re

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from commonplace.accounts.models import User
from commonplace.conversations import finding, notices, selectors
from commonplace.conversations.models import (
    Attachment,
    Flag,
    Policy,
    ReadPosition,
    Reply,
    Space,
    Topic,
    TopicFollow,
)
from commonplace.conversations.services import (
    reply_announce,
    reply_gone,
    topic_announce,
    topic_slug,
)
from commonplace.core import audit
from commonplace.core.markdown import render_markdown
from commonplace.notifications.services import withdraw
from commonplace.people.services import contribution_withdraw

# A split moves at most this many replies at once: a moderation act, not a migration.
SPLIT_LIMIT = 500


def flag_raise(
    *, topic: Topic, reply: Reply | None, reporter: User, reason: str, note: str = ""
) -> Flag:
    """A member's report; it waits in the moderators' queue. One open flag per person and post."""
    flag, _created = Flag.objects.get_or_create(
        topic=topic,
        reply=reply,
        reporter=reporter,
        outcome=Flag.Outcome.OPEN,
        defaults={"reason": reason, "note": note},
    )
    return flag


def _settle_flags(topic: Topic, reply: Reply | None, moderator: User, outcome: str) -> None:
    Flag.objects.filter(topic=topic, reply=reply, outcome=Flag.Outcome.OPEN).update(
        outcome=outcome, resolved_by=moderator, resolved_at=timezone.now()
    )


@transaction.atomic
def post_hide(*, topic: Topic, reply: Reply | None, moderator: User, hide: bool = True) -> None:
    """Hide a post (or show it again). Open flags on it are settled, the author told.

    Hiding a post that waits for approval declines it instead (see ``post_decline``).
    """
    post = reply or topic
    if hide and post.is_pending:
        post_decline(topic=topic, reply=reply, moderator=moderator)
        return
    if post.is_hidden == hide:
        return
    post.is_hidden = hide
    post.save(update_fields=["is_hidden"])
    if reply is not None and reply.deleted_at is None:
        if hide:
            reply_gone(reply)
        else:
            Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + 1)
    elif reply is None:
        Space.objects.filter(pk=topic.space_id).update(
            topic_count=F("topic_count") + (-1 if hide else 1)
        )
        if hide:
            withdraw(target_key_prefix=notices.topic_key(topic))
    _settle_flags(topic, reply, moderator, Flag.Outcome.HIDDEN if hide else Flag.Outcome.DISMISSED)
    verb = ("reply." if reply else "topic.") + ("hide" if hide else "restore")
    notices.moderation_told(
        topic, reply, moderator, verb, notices.HIDDEN if hide else notices.RESTORED
    )
    finding.index_later(topic)


def flags_dismiss(*, topic: Topic, reply: Reply | None, moderator: User) -> None:
    with transaction.atomic():
        _settle_flags(topic, reply, moderator, Flag.Outcome.DISMISSED)
        audit.record(moderator, "flag.dismiss", reply or topic)


@transaction.atomic
def post_approve(*, topic: Topic, reply: Reply | None, moderator: User) -> None:
    """Publish a new member's post that was waiting: its links show, it is counted and the
    people who follow or are mentioned are told, as if it had just been posted."""
    post = reply or topic
    if not post.is_pending:
        return
    post.is_pending = False
    # A moderator read it: its links can show.
    post.body_html = render_markdown(post.body)
    post.save(update_fields=["is_pending", "body_html"])
    if reply is None:
        topic_announce(topic)
    else:
        Topic.objects.filter(pk=topic.pk).update(
            reply_count=F("reply_count") + 1, last_activity_at=timezone.now()
        )
        reply_announce(topic, reply)
    notices.moderation_told(
        topic, reply, moderator, ("reply." if reply else "topic.") + "approve", notices.APPROVED
    )
    finding.index_later(topic)


@transaction.atomic
def post_decline(*, topic: Topic, reply: Reply | None, moderator: User) -> None:
    """Keep a waiting post from being published. Its author still sees it, marked hidden."""
    post = reply or topic
    post.is_pending = False
    post.is_hidden = True
    post.save(update_fields=["is_pending", "is_hidden"])
    _settle_flags(topic, reply, moderator, Flag.Outcome.HIDDEN)
    notices.moderation_told(
        topic, reply, moderator, ("reply." if reply else "topic.") + "decline", notices.DECLINED
    )
    finding.index_later(topic)


@transaction.atomic
def topic_set(*, topic: Topic, moderator: User, **changes) -> None:
    """Lock, pin or move a topic: ``is_locked``, ``is_pinned`` or ``space``."""
    # What the author is told when the change is made or undone; pinning tells nobody.
    told: dict[str, tuple[str, str] | None] = {
        "is_locked": (notices.LOCKED, notices.UNLOCKED),
        "is_pinned": None,
        "space": (notices.MOVED, notices.MOVED),
    }
    for field, value in changes.items():
        if field not in told or getattr(topic, field) == value:
            continue
        if field == "space":
            # Notices pointed at a place some readers may no longer be allowed into.
            withdraw(target_key_prefix=notices.topic_key(topic))
            if not (topic.is_hidden or topic.is_pending):
                Space.objects.filter(pk=topic.space_id).update(topic_count=F("topic_count") - 1)
                Space.objects.filter(pk=value.pk).update(topic_count=F("topic_count") + 1)
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        verb = f"topic.{field.removeprefix('is_')}" + ("" if value else ".undo")
        if field == "space":
            verb = "topic.move"
        message = told[field]
        if message is None:
            audit.record(moderator, verb, topic)
        else:
            notices.moderation_told(topic, None, moderator, verb, message[0 if value else 1])
    if "space" in changes:
        # In a private space its text is no longer for every member to find.
        finding.index_later(topic)


@transaction.atomic
def topic_merge(*, topic: Topic, into: Topic, moderator: User) -> Topic:
    """Move a topic's opening post and replies to the end of ``into``, in their order.

    The opening post becomes a reply. Every moved reply remembers where it was, so old links
    lead to its new place; the merged topic leaves every list and its address leads to
    ``into``. Followers of either topic follow ``into``. Raises ValueError when ``into`` is the
    topic itself, or was itself merged away.
    """
    if into.pk == topic.pk or into.merged_into_id or topic.merged_into_id:
        raise ValueError("A topic merges into another topic that is still open.")
    Topic.objects.filter(pk=into.pk).update(last_number=F("last_number"))  # holds the row
    into.refresh_from_db()
    offset = into.last_number + 1
    opening = Reply.objects.create(
        topic=into,
        number=offset,
        author=topic.author,
        body=topic.body,
        body_html=topic.body_html,
        created_at=topic.created_at,
        edited_at=topic.edited_at,
        is_hidden=topic.is_hidden,
        is_pending=topic.is_pending,
        moved_from_topic_id=topic.pk,
        moved_from_number=0,
    )
    # One UPDATE moves them all: the new numbers are all above ``into``'s, so none collide.
    Reply.objects.filter(topic=topic).exclude(pk=opening.pk).update(
        topic=into,
        moved_from_topic_id=topic.pk,
        moved_from_number=F("number"),
        number=F("number") + offset,
    )
    # Files go with their posts: the opening post's files now hang on the reply it became.
    Attachment.objects.filter(topic=topic, reply=None).update(topic=into, reply=opening)
    Attachment.objects.filter(topic=topic).update(topic=into)
    _recount(into)
    Topic.objects.filter(pk=into.pk).update(
        last_activity_at=max(into.last_activity_at, topic.last_activity_at)
    )
    Flag.objects.filter(topic=topic).update(topic=into)
    TopicFollow.objects.bulk_create(
        [TopicFollow(topic=into, member_id=member_id) for member_id in _followers(topic)],
        ignore_conflicts=True,
    )
    ReadPosition.objects.filter(topic=topic).delete()
    withdraw(target_key_prefix=notices.topic_key(topic))
    if not (topic.is_hidden or topic.is_pending):
        Space.objects.filter(pk=topic.space_id).update(topic_count=F("topic_count") - 1)
    topic.merged_into = into
    topic.accepted_reply = None
    topic.save(update_fields=["merged_into", "accepted_reply"])
    notices.moderation_told(topic, None, moderator, "topic.merge", notices.MERGED)
    finding.index_later(topic, into)
    into.refresh_from_db()
    return into


@transaction.atomic
def topic_split(
    *, topic: Topic, first: int, last: int, title: str, space: Space, moderator: User
) -> Topic:
    """Move the replies numbered ``first`` to ``last`` into a new topic in ``space``.

    The first moved reply becomes the new topic's opening post (its author starts it); the
    rest become its replies, numbered from 1. Old links to them lead to their new place.
    Raises ValueError when the range holds no reply or more than SPLIT_LIMIT.
    """
    moving = list(
        Reply.objects.filter(topic=topic, number__gte=first, number__lte=last, deleted_at=None)
        .select_related("author")
        .order_by("number")
    )
    if not moving or len(moving) > SPLIT_LIMIT:
        raise ValueError(f"A split moves 1 to {SPLIT_LIMIT} replies.")
    opening, rest = moving[0], moving[1:]
    new = Topic.objects.create(
        space=space,
        author=opening.author,
        title=title,
        slug=topic_slug(title),
        body=opening.body,
        body_html=opening.body_html,
        created_at=opening.created_at,
        last_activity_at=(rest[-1] if rest else opening).created_at,
        split_from_topic_id=topic.pk,
        split_from_number=opening.number,
        is_hidden=opening.is_hidden,
        is_pending=opening.is_pending,
    )
    if topic.accepted_reply_id in {reply.pk for reply in moving}:
        # An answer taken away from its question no longer counts as one.
        contribution_withdraw(source="conversations.reply", source_id=str(topic.accepted_reply_id))
        topic.accepted_reply = None
        topic.save(update_fields=["accepted_reply"])
    # Replies left behind no longer point into the new topic.
    Reply.objects.filter(topic=topic, in_reply_to__in=moving).update(in_reply_to=None)
    # Its text is now the new topic's opening post, which remembers where it came from; so are
    # its files, and the others' files go with them.
    Attachment.objects.filter(reply=opening).update(topic=new, reply=None)
    Attachment.objects.filter(reply__in=rest).update(topic=new)
    opening.delete()
    for number, reply in enumerate(rest, start=1):
        Reply.objects.filter(pk=reply.pk).update(
            topic=new,
            number=number,
            moved_from_topic_id=topic.pk,
            moved_from_number=reply.number,
            in_reply_to=None,
        )
    new.last_number = len(rest)
    new.save(update_fields=["last_number"])
    _recount(new)
    _recount(topic)
    if not (new.is_hidden or new.is_pending):
        Space.objects.filter(pk=space.pk).update(topic_count=F("topic_count") + 1)
    if new.author_id:
        TopicFollow.objects.get_or_create(topic=new, member_id=new.author_id)
    for reply in moving:
        withdraw(target_key_prefix=notices.reply_key(topic, reply.number))
    audit.record(moderator, "topic.split", new, note=f"from topic {topic.pk}")
    notices.moderation_told(topic, None, moderator, "topic.split", notices.SPLIT)
    finding.index_later(topic, new)
    return new


def _followers(topic: Topic) -> list[int]:
    return list(TopicFollow.objects.filter(topic=topic).values_list("member_id", flat=True))


def _recount(topic: Topic) -> None:
    """Count a topic's replies again after moderators moved some in or out."""
    visible = Reply.objects.filter(
        topic=topic, deleted_at=None, is_hidden=False, is_pending=False
    ).count()
    highest = Reply.objects.filter(topic=topic).aggregate(top=Max("number"))["top"] or 0
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=visible, last_number=max(highest, topic.last_number)
    )


TOPIC_NUMBER = re.compile(r"(?:/t/|/)(\d+)(?:-|/|$)")


def topic_id_in(text: str) -> int | None:
    """The topic a moderator means: its number, or any of its addresses pasted whole."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    found = TOPIC_NUMBER.findall(text)
    return int(found[-1]) if found else None


@transaction.atomic
def policy_update(*, hold_first_posts: bool, trusted_after: int, steward: User) -> Policy:
    rules = selectors.policy()
    rules.hold_first_posts = hold_first_posts
    rules.trusted_after = trusted_after
    rules.save()
    audit.record(
        steward,
        "moderation.policy",
        rules,
        note=f"hold first posts: {hold_first_posts}; trusted after {trusted_after} posts",
    )
    return rules
