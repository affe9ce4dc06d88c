"""Every change to spaces, topics and replies, with its side effects: following, read
positions, notifications, contributions and the audit log."""

from collections.abc import Iterable, Sequence
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.text import Truncator, slugify

from commonplace.accounts.models import Role, User
from commonplace.conversations import finding, notices, selectors
from commonplace.conversations.attachments import CheckedFile
from commonplace.conversations.mentions import mentioned_ids
from commonplace.conversations.models import (
    Attachment,
    Reaction,
    ReadPosition,
    Reply,
    Revision,
    Space,
    SpaceFollow,
    Topic,
    TopicFollow,
)
from commonplace.core import audit
from commonplace.core.markdown import render_markdown
from commonplace.core.storage import delete_files, files_removed_on_failure
from commonplace.notifications.services import notify, withdraw

EXCERPT_LENGTH = 200
# Space addresses share a level with these pages of the app.
RESERVED_SLUGS = {"latest", "moderation", "spaces", "t"}


def topic_slug(title: str) -> str:
    """The readable part of a topic's address (the id finds the topic)."""
    return slugify(title)[:80].strip("-") or "topic"


def _excerpt(body: str) -> str:
    return Truncator(" ".join(body.split())).chars(EXCERPT_LENGTH)


def may_read(space: Space, members: Iterable[User] | None = None):
    """Accounts that may read ``space``: a queryset filter, so notifying a thousand followers
    is one query, and a private space never notifies someone outside it."""
    people = User.objects.filter(is_active=True)
    if members is not None:
        people = people.filter(pk__in=[member.pk for member in members])
    if space.is_private:
        people = people.filter(
            Q(private_spaces=space)
            | Q(facilitated_spaces=space)
            | Q(role__in=[Role.STEWARD, Role.ADMINISTRATOR])
        ).distinct()
    return people


# --- Spaces ---------------------------------------------------------------------------------


@transaction.atomic
def space_save(*, space: Space, steward: User, members=None, facilitators=None) -> Space:
    """Create or change a space; ``members`` only matter while it is private."""
    creating = space.pk is None
    # Who may find its topics changes with its privacy.
    privacy_changed = (
        not creating and Space.objects.filter(pk=space.pk, is_private=not space.is_private).exists()
    )
    if not space.slug:
        base = slugify(space.name_en)[:50] or "space"
        slug, number = base, 2
        while (
            slug in RESERVED_SLUGS or Space.objects.filter(slug=slug).exclude(pk=space.pk).exists()
        ):
            slug, number = f"{base}-{number}", number + 1
        space.slug = slug
    space.save()
    if members is not None:
        space.members.set(members)
    if facilitators is not None:
        space.facilitators.set(facilitators)
    if space.is_private:
        # Whoever may no longer read the space (they left it, or it just became private) stops
        # seeing what they were told about it.
        from commonplace.notifications.models import Notification

        outside = (
            Notification.objects.filter(target_key__startswith=f"{notices.space_key(space.pk)}/")
            .exclude(recipient__in=may_read(space))
            .values_list("recipient_id", flat=True)
            .distinct()
        )
        if outside_ids := set(outside):
            withdraw(target_key_prefix=notices.space_key(space.pk), recipients=outside_ids)
    if privacy_changed:
        finding.index_space_later(space.pk)
    audit.record(steward, "space.create" if creating else "space.update", space)
    return space


# --- Topics ---------------------------------------------------------------------------------


def topic_start(
    *,
    space: Space,
    author: User,
    title: str,
    body: str,
    kind: str = "discussion",
    areas=(),
    attachments: Sequence[CheckedFile] = (),
) -> Topic:
    """Start a topic, with ``attachments`` (checked uploads) on its opening post. The author
    follows it; followers of the space are told.

    A member the community does not trust yet (see ``selectors.is_trusted``) has links and
    images shown as text; when the policy holds new members' posts, the topic waits for a
    moderator (``is_pending``) and nobody is told until ``moderation.post_approve``.
    """
    policy = selectors.policy()
    trusted = selectors.is_trusted(author, policy)
    with files_removed_on_failure() as stored, transaction.atomic():
        now = timezone.now()
        topic = Topic.objects.create(
            space=space,
            author=author,
            kind=kind,
            title=title,
            slug=topic_slug(title),
            body=body,
            body_html=render_markdown(body, links=trusted),
            created_at=now,
            last_activity_at=now,
            is_pending=policy.hold_first_posts and not trusted,
        )
        topic.areas.set(list(areas))
        _attach(topic=topic, reply=None, member=author, files=attachments, stored=stored)
        TopicFollow.objects.get_or_create(member=author, topic=topic)
        ReadPosition.objects.create(member=author, topic=topic, number=0)
        if not topic.is_pending:
            topic_announce(topic)
        finding.index_later(topic)
        return topic


def topic_announce(topic: Topic) -> None:
    """What publishing a topic sets off: the space's count, mentions, the space's followers."""
    space = topic.space
    Space.objects.filter(pk=space.pk).update(topic_count=F("topic_count") + 1)
    author = topic.author
    mentioned = _mention(topic, None, author) if author else set()
    followers = may_read(space).filter(followed_spaces__space=space).exclude(pk__in=mentioned)
    notify(
        recipients=followers,
        kind=notices.NEW_TOPIC_IN_SPACE,
        actor=author,
        target_key=notices.topic_key(topic),
        url_name="conversations:topic-link",
        url_kwargs={"topic_id": topic.pk},
        title=topic.title,
        excerpt=_excerpt(topic.body),
    )


def _links_allowed(post: Topic | Reply) -> bool:
    return post.author is None or selectors.is_trusted(post.author)


def topic_edit(
    *,
    topic: Topic,
    editor: User,
    title: str,
    body: str,
    kind: str,
    areas=(),
    attachments: Sequence[CheckedFile] = (),
    remove_attachments: Sequence[Attachment] = (),
) -> Topic:
    """Change a topic, keeping what it said before in its history. ``attachments`` are added to
    its opening post, ``remove_attachments`` (some of the post's own) taken away."""
    with files_removed_on_failure() as stored, transaction.atomic():
        if (title, body) != (topic.title, topic.body):
            Revision.objects.create(topic=topic, editor=editor, title=topic.title, body=topic.body)
            topic.edited_at = timezone.now()
        topic.title = title
        topic.slug = topic_slug(title)
        topic.body = body
        topic.body_html = render_markdown(body, links=_links_allowed(topic))
        topic.kind = kind
        if kind != Topic.Kind.QUESTION:
            topic.accepted_reply = None
        topic.save()
        topic.areas.set(list(areas))
        _detach(topic=topic, reply=None, editor=editor, attachments=remove_attachments)
        _attach(topic=topic, reply=None, member=editor, files=attachments, stored=stored)
        if not topic.is_pending:
            _mention(topic, None, editor)
        if editor.pk != topic.author_id:
            notices.moderation_told(topic, None, editor, "topic.edit", notices.EDITED)
        finding.index_later(topic)
        return topic


def _mention(topic: Topic, reply: Reply | None, author: User) -> set[int]:
    """Tell the members mentioned in a post who may read it; returns their ids, so the other
    notices about the same post can leave them out (one notice per person per post).

    Run again after an edit, it tells only people newly mentioned: a notice already given for
    the same post is not repeated."""
    ids = mentioned_ids(reply.body if reply else topic.body)
    if not ids:
        return set()
    readers = set(may_read(topic.space).filter(pk__in=ids).values_list("pk", flat=True))
    notify(
        recipients=readers,
        kind=notices.MENTION,
        actor=author,
        target_key=notices.reply_key(topic, reply.number) if reply else notices.topic_key(topic),
        url_name="conversations:reply-link" if reply else "conversations:topic-link",
        url_kwargs={"topic_id": topic.pk, "number": reply.number}
        if reply
        else {"topic_id": topic.pk},
        title=topic.title,
        excerpt=_excerpt((reply or topic).body),
    )
    return readers


# --- Replies --------------------------------------------------------------------------------


def reply_post(
    *,
    topic: Topic,
    author: User,
    body: str,
    in_reply_to: Reply | None = None,
    attachments: Sequence[CheckedFile] = (),
) -> Reply:
    """Add a reply, with ``attachments`` (checked uploads), at the end of the topic and tell the
    people who care.

    The topic's counter is raised by an UPDATE, which holds the row until the transaction ends,
    so two replies posted at once can never get the same number. A reply held for approval
    (see ``topic_start``) takes its number now but is counted and announced only once approved.
    """
    policy = selectors.policy()
    trusted = selectors.is_trusted(author, policy)
    pending = policy.hold_first_posts and not trusted
    with files_removed_on_failure() as stored, transaction.atomic():
        now = timezone.now()
        counters: dict[str, Any] = {"last_number": F("last_number") + 1}
        if not pending:
            counters |= {"reply_count": F("reply_count") + 1, "last_activity_at": now}
        Topic.objects.filter(pk=topic.pk).update(**counters)
        topic.refresh_from_db(fields=["last_number", "reply_count", "last_activity_at"])
        reply = Reply.objects.create(
            topic=topic,
            number=topic.last_number,
            author=author,
            body=body,
            body_html=render_markdown(body, links=trusted),
            in_reply_to=in_reply_to if in_reply_to and in_reply_to.topic_id == topic.pk else None,
            created_at=now,
            is_pending=pending,
        )
        _attach(topic=topic, reply=reply, member=author, files=attachments, stored=stored)
        TopicFollow.objects.get_or_create(member=author, topic=topic)
        read_position_advance(member=author, topic=topic, number=reply.number)
        if not pending:
            reply_announce(topic, reply)
        finding.index_later(topic)
        return reply


def reply_announce(topic: Topic, reply: Reply) -> None:
    """Tell those mentioned, the topic's author and its followers about a published reply."""
    author = reply.author
    mentioned = _mention(topic, reply, author) if author else set()
    readers = may_read(topic.space).exclude(pk__in=mentioned)
    common: dict[str, Any] = {
        "actor": author,
        "target_key": notices.reply_key(topic, reply.number),
        "url_name": "conversations:reply-link",
        "url_kwargs": {"topic_id": topic.pk, "number": reply.number},
        "title": topic.title,
        "excerpt": _excerpt(reply.body),
    }
    if topic.author_id and topic.author_id != reply.author_id:
        notify(
            recipients=readers.filter(pk=topic.author_id), kind=notices.REPLY_TO_MY_TOPIC, **common
        )
    followers = readers.filter(followed_topics__topic=topic).exclude(pk=topic.author_id or 0)
    notify(recipients=followers, kind=notices.REPLY_IN_FOLLOWED, **common)


def reply_edit(
    *,
    reply: Reply,
    editor: User,
    body: str,
    attachments: Sequence[CheckedFile] = (),
    remove_attachments: Sequence[Attachment] = (),
) -> Reply:
    """Change a reply's text (its earlier text goes to its history), add ``attachments`` and
    take away ``remove_attachments`` (some of the reply's own)."""
    with files_removed_on_failure() as stored, transaction.atomic():
        if body != reply.body:
            Revision.objects.create(
                topic_id=reply.topic_id, reply=reply, editor=editor, body=reply.body
            )
            reply.body = body
            reply.body_html = render_markdown(body, links=_links_allowed(reply))
            reply.edited_at = timezone.now()
            reply.save(update_fields=["body", "body_html", "edited_at"])
            if not reply.is_pending:
                _mention(reply.topic, reply, editor)
            if editor.pk != reply.author_id:
                notices.moderation_told(reply.topic, reply, editor, "reply.edit", notices.EDITED)
        _detach(topic=reply.topic, reply=reply, editor=editor, attachments=remove_attachments)
        _attach(topic=reply.topic, reply=reply, member=editor, files=attachments, stored=stored)
        finding.index_later(reply.topic_id)
        return reply


# --- Attachments ----------------------------------------------------------------------------


def _attach(
    *,
    topic: Topic,
    reply: Reply | None,
    member: User,
    files: Sequence[CheckedFile],
    stored: list[FieldFile],
) -> list[Attachment]:
    """Store checked uploads and their rows; the post's author or a moderator added them."""
    made = []
    for checked in files:
        attachment = Attachment(
            topic=topic,
            reply=reply,
            uploaded_by=member,
            original_name=checked.name,
            kind=checked.kind,
            content_type=checked.content_type,
            size=checked.size,
        )
        # The name given here is ignored: attachment_path makes a random one.
        attachment.file.save("attachment", ContentFile(checked.content), save=False)
        stored.append(attachment.file)
        made.append(attachment)
    return Attachment.objects.bulk_create(made) if made else []


def _detach(
    *, topic: Topic, reply: Reply | None, editor: User, attachments: Sequence[Attachment]
) -> None:
    """Take attachments off their post; only ones that belong to this very post are touched."""
    owned = [
        item
        for item in attachments
        if item.topic_id == topic.pk and item.reply_id == (reply.pk if reply else None)
    ]
    if not owned:
        return
    Attachment.objects.filter(pk__in=[item.pk for item in owned]).delete()
    files = [item.file for item in owned if item.file]
    # Files go only once the rows are gone for good: a rollback must not leave rows without files.
    transaction.on_commit(lambda: delete_files(files))
    post = reply or topic
    if editor.pk != post.author_id:
        for item in owned:
            audit.record(editor, "attachment.remove", post, note=item.original_name[:200])


@transaction.atomic
def reply_delete(*, reply: Reply, member: User) -> None:
    """Soft delete: the number stays, the text goes from every page, list and notification."""
    if reply.deleted_at is not None:
        return
    reply.deleted_at = timezone.now()
    reply.save(update_fields=["deleted_at"])
    reply_gone(reply)
    if member.pk != reply.author_id:
        notices.moderation_told(reply.topic, reply, member, "reply.delete", notices.DELETED)
    finding.index_later(reply.topic_id)


def reply_gone(reply: Reply) -> None:
    """A reply left the conversation (deleted or hidden): counts, answer and notices follow."""
    if not reply.is_pending and (not reply.is_hidden or reply.deleted_at is None):
        Topic.objects.filter(pk=reply.topic_id, reply_count__gt=0).update(
            reply_count=F("reply_count") - 1
        )
    topic = reply.topic
    if topic.accepted_reply_id == reply.pk:
        topic.accepted_reply = None
        topic.save(update_fields=["accepted_reply"])
        _answer_contribution_withdraw(reply)
    withdraw(target_key_prefix=notices.reply_key(reply.topic, reply.number))


# --- Answers, reactions, following, reading -------------------------------------------------


@transaction.atomic
def answer_accept(*, topic: Topic, reply: Reply | None, member: User) -> None:
    """Mark ``reply`` as the answer to the question (``None`` takes the mark away).

    The answer's author gets a contribution for "who knows what" in the topic's focus areas,
    unless the space is private: a contribution is shown on the member's page, and a private
    space's titles must not appear there.
    """
    from commonplace.people.services import contribution_record

    previous = topic.accepted_reply
    if previous is not None and (reply is None or previous.pk != reply.pk):
        _answer_contribution_withdraw(previous)
    topic.accepted_reply = reply
    topic.save(update_fields=["accepted_reply"])
    if reply is None or reply.author is None:
        return
    if not topic.space.is_private:
        contribution_record(
            member=reply.author,
            kind="accepted_answer",
            title=topic.title,
            focus_areas=list(topic.areas.all()),
            url=f"/conversations/t/{topic.pk}/r/{reply.number}/",
            source="conversations.reply",
            source_id=str(reply.pk),
        )
    notify(
        recipients=may_read(topic.space).filter(pk=reply.author_id),
        kind=notices.ANSWER_ACCEPTED,
        actor=member,
        target_key=notices.reply_key(topic, reply.number),
        url_name="conversations:reply-link",
        url_kwargs={"topic_id": topic.pk, "number": reply.number},
        title=topic.title,
        excerpt=_excerpt(reply.body),
    )


def _answer_contribution_withdraw(reply: Reply) -> None:
    from commonplace.people.services import contribution_withdraw

    contribution_withdraw(source="conversations.reply", source_id=str(reply.pk))


def reaction_toggle(*, reply: Reply, member: User, kind: str) -> bool:
    """Add the reaction, or take it back if it was there; returns whether it is there now."""
    deleted, _rows = Reaction.objects.filter(reply=reply, member=member, kind=kind).delete()
    if deleted:
        return False
    Reaction.objects.get_or_create(reply=reply, member=member, kind=kind)
    return True


def topic_follow(*, topic: Topic, member: User, follow: bool) -> None:
    if follow:
        TopicFollow.objects.get_or_create(topic=topic, member=member)
    else:
        TopicFollow.objects.filter(topic=topic, member=member).delete()


def space_follow(*, space: Space, member: User, follow: bool) -> None:
    if follow:
        SpaceFollow.objects.get_or_create(space=space, member=member)
    else:
        SpaceFollow.objects.filter(space=space, member=member).delete()


def read_position_advance(*, member: User, topic: Topic, number: int) -> None:
    """Remember that ``member`` has read up to reply ``number``; never moves backwards."""
    number = max(0, min(number, topic.last_number))
    updated = ReadPosition.objects.filter(member=member, topic=topic, number__lt=number).update(
        number=number, updated_at=timezone.now()
    )
    if not updated:
        ReadPosition.objects.get_or_create(member=member, topic=topic, defaults={"number": number})
