"""Every change to spaces, topics and replies, with its side effects: following, read
positions, notifications, contributions and the audit log."""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Q
from django.db.models.fields.files import FieldFile
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext, gettext_noop

from commonplace.accounts.models import Role, User
from commonplace.conversations import notices
from commonplace.conversations.attachments import CheckedFile
from commonplace.conversations.mentions import mentioned_ids
from commonplace.conversations.models import (
    Attachment,
    Flag,
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
from commonplace.notifications.services import notify, withdraw

EXCERPT_LENGTH = 200
# Space addresses share a level with these pages of the app.
RESERVED_SLUGS = {"latest", "moderation", "spaces", "t"}


def _slug(title: str) -> str:
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
    follows it; followers of the space are told."""
    with _files_removed_on_failure() as stored, transaction.atomic():
        now = timezone.now()
        topic = Topic.objects.create(
            space=space,
            author=author,
            kind=kind,
            title=title,
            slug=_slug(title),
            body=body,
            body_html=render_markdown(body),
            created_at=now,
            last_activity_at=now,
        )
        topic.areas.set(list(areas))
        _attach(topic=topic, reply=None, member=author, files=attachments, stored=stored)
        Space.objects.filter(pk=space.pk).update(topic_count=F("topic_count") + 1)
        TopicFollow.objects.get_or_create(member=author, topic=topic)
        ReadPosition.objects.create(member=author, topic=topic, number=0)
        mentioned = _mention(topic, None, author)
        followers = may_read(space).filter(followed_spaces__space=space).exclude(pk__in=mentioned)
        notify(
            recipients=followers,
            kind=notices.NEW_TOPIC_IN_SPACE,
            actor=author,
            target_key=notices.topic_key(topic),
            url_name="conversations:topic-link",
            url_kwargs={"topic_id": topic.pk},
            title=title,
            excerpt=_excerpt(body),
        )
        return topic


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
    with _files_removed_on_failure() as stored, transaction.atomic():
        if (title, body) != (topic.title, topic.body):
            Revision.objects.create(topic=topic, editor=editor, title=topic.title, body=topic.body)
            topic.edited_at = timezone.now()
        topic.title = title
        topic.slug = _slug(title)
        topic.body = body
        topic.body_html = render_markdown(body)
        topic.kind = kind
        if kind != Topic.Kind.QUESTION:
            topic.accepted_reply = None
        topic.save()
        topic.areas.set(list(areas))
        _detach(topic=topic, reply=None, editor=editor, attachments=remove_attachments)
        _attach(topic=topic, reply=None, member=editor, files=attachments, stored=stored)
        _mention(topic, None, editor)
        if editor.pk != topic.author_id:
            _moderated(topic, None, editor, "topic.edit", gettext_noop_edit)
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
    so two replies posted at once can never get the same number.
    """
    with _files_removed_on_failure() as stored, transaction.atomic():
        now = timezone.now()
        Topic.objects.filter(pk=topic.pk).update(
            last_number=F("last_number") + 1,
            reply_count=F("reply_count") + 1,
            last_activity_at=now,
        )
        topic.refresh_from_db(fields=["last_number", "reply_count", "last_activity_at"])
        reply = Reply.objects.create(
            topic=topic,
            number=topic.last_number,
            author=author,
            body=body,
            body_html=render_markdown(body),
            in_reply_to=in_reply_to if in_reply_to and in_reply_to.topic_id == topic.pk else None,
            created_at=now,
        )
        _attach(topic=topic, reply=reply, member=author, files=attachments, stored=stored)
        TopicFollow.objects.get_or_create(member=author, topic=topic)
        read_position_advance(member=author, topic=topic, number=reply.number)
        mentioned = _mention(topic, reply, author)
        readers = may_read(topic.space).exclude(pk__in=mentioned)
        common: dict[str, Any] = {
            "actor": author,
            "target_key": notices.reply_key(topic, reply.number),
            "url_name": "conversations:reply-link",
            "url_kwargs": {"topic_id": topic.pk, "number": reply.number},
            "title": topic.title,
            "excerpt": _excerpt(body),
        }
        if topic.author_id and topic.author_id != author.pk:
            notify(
                recipients=readers.filter(pk=topic.author_id),
                kind=notices.REPLY_TO_MY_TOPIC,
                **common,
            )
        followers = readers.filter(followed_topics__topic=topic).exclude(pk=topic.author_id or 0)
        notify(recipients=followers, kind=notices.REPLY_IN_FOLLOWED, **common)
        return reply


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
    with _files_removed_on_failure() as stored, transaction.atomic():
        if body != reply.body:
            Revision.objects.create(
                topic_id=reply.topic_id, reply=reply, editor=editor, body=reply.body
            )
            reply.body = body
            reply.body_html = render_markdown(body)
            reply.edited_at = timezone.now()
            reply.save(update_fields=["body", "body_html", "edited_at"])
            _mention(reply.topic, reply, editor)
            if editor.pk != reply.author_id:
                _moderated(reply.topic, reply, editor, "reply.edit", gettext_noop_edit)
        _detach(topic=reply.topic, reply=reply, editor=editor, attachments=remove_attachments)
        _attach(topic=reply.topic, reply=reply, member=editor, files=attachments, stored=stored)
        return reply


# --- Attachments ----------------------------------------------------------------------------


@contextmanager
def _files_removed_on_failure() -> Iterator[list[FieldFile]]:
    """Files stored inside the block are deleted again if the block raises.

    Storage takes no part in the database transaction: without this, a post whose transaction
    rolled back would leave its files behind with no row pointing at them. (A caller wrapping a
    service in a longer transaction of its own, and rolling that back later, is not covered;
    no caller does.)
    """
    stored: list[FieldFile] = []
    try:
        yield stored
    except BaseException:
        for file in stored:
            if file.name:
                file.storage.delete(file.name)
        raise


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
    transaction.on_commit(lambda: _delete_files(files))
    post = reply or topic
    if editor.pk != post.author_id:
        for item in owned:
            audit.record(editor, "attachment.remove", post, note=item.original_name[:200])


def _delete_files(files: list[FieldFile]) -> None:
    for file in files:
        if file.name:
            file.storage.delete(file.name)


@transaction.atomic
def reply_delete(*, reply: Reply, member: User) -> None:
    """Soft delete: the number stays, the text goes from every page, list and notification."""
    if reply.deleted_at is not None:
        return
    reply.deleted_at = timezone.now()
    reply.save(update_fields=["deleted_at"])
    _reply_gone(reply)
    if member.pk != reply.author_id:
        _moderated(reply.topic, reply, member, "reply.delete", gettext_noop_delete)


def _reply_gone(reply: Reply) -> None:
    """A reply left the conversation (deleted or hidden): counts, answer and notices follow."""
    if not reply.is_hidden or reply.deleted_at is None:
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


# --- Moderation -----------------------------------------------------------------------------


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


@transaction.atomic
def post_hide(*, topic: Topic, reply: Reply | None, moderator: User, hide: bool = True) -> None:
    """Hide a post (or show it again). Open flags on it are settled, the author told."""
    post = reply or topic
    if post.is_hidden == hide:
        return
    post.is_hidden = hide
    post.save(update_fields=["is_hidden"])
    if reply is not None and reply.deleted_at is None:
        if hide:
            _reply_gone(reply)
        else:
            Topic.objects.filter(pk=topic.pk).update(reply_count=F("reply_count") + 1)
    elif reply is None:
        Space.objects.filter(pk=topic.space_id).update(
            topic_count=F("topic_count") + (-1 if hide else 1)
        )
        if hide:
            withdraw(target_key_prefix=notices.topic_key(topic))
    flags = Flag.objects.filter(topic=topic, reply=reply, outcome=Flag.Outcome.OPEN)
    flags.update(
        outcome=Flag.Outcome.HIDDEN if hide else Flag.Outcome.DISMISSED,
        resolved_by=moderator,
        resolved_at=timezone.now(),
    )
    verb = ("reply." if reply else "topic.") + ("hide" if hide else "restore")
    _moderated(topic, reply, moderator, verb, gettext_noop_hide if hide else gettext_noop_restore)


def flags_dismiss(*, topic: Topic, reply: Reply | None, moderator: User) -> None:
    with transaction.atomic():
        Flag.objects.filter(topic=topic, reply=reply, outcome=Flag.Outcome.OPEN).update(
            outcome=Flag.Outcome.DISMISSED, resolved_by=moderator, resolved_at=timezone.now()
        )
        audit.record(moderator, "flag.dismiss", reply or topic)


@transaction.atomic
def topic_set(*, topic: Topic, moderator: User, **changes) -> None:
    """Lock, pin or move a topic: ``is_locked``, ``is_pinned`` or ``space``."""
    # What the author is told when the change is made or undone; pinning tells nobody.
    messages: dict[str, tuple[str, str] | None] = {
        "is_locked": (gettext_noop_lock, gettext_noop_unlock),
        "is_pinned": None,
        "space": (gettext_noop_move, gettext_noop_move),
    }
    for field, value in changes.items():
        if field not in messages or getattr(topic, field) == value:
            continue
        if field == "space":
            # Notices pointed at a place some readers may no longer be allowed into.
            withdraw(target_key_prefix=notices.topic_key(topic))
            if not topic.is_hidden:
                Space.objects.filter(pk=topic.space_id).update(topic_count=F("topic_count") - 1)
                Space.objects.filter(pk=value.pk).update(topic_count=F("topic_count") + 1)
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        told = messages[field]
        verb = f"topic.{field.removeprefix('is_')}" + ("" if value else ".undo")
        if field == "space":
            verb = "topic.move"
        if told is None:
            audit.record(moderator, verb, topic)
        else:
            _moderated(topic, None, moderator, verb, told[0] if value else told[1])


# What the author is told, translated when it is sent, into the author's own language.
gettext_noop_edit = gettext_noop(
    "A moderator edited your post. The earlier text is in its history."
)
gettext_noop_delete = gettext_noop("A moderator deleted your reply.")
gettext_noop_hide = gettext_noop(
    "A moderator hid your post. Others no longer see it; you and moderators still do."
)
gettext_noop_restore = gettext_noop("A moderator restored your post. Everyone can see it again.")
gettext_noop_lock = gettext_noop("A moderator closed this topic to new replies.")
gettext_noop_unlock = gettext_noop("A moderator opened this topic to replies again.")
gettext_noop_move = gettext_noop("A moderator moved your topic to another space.")


def _moderated(topic: Topic, reply: Reply | None, moderator: User, verb: str, message: str) -> None:
    """Record a moderator's act and tell the post's author why, in the author's language."""
    post = reply or topic
    audit.record(moderator, verb, post, note=f"topic {topic.pk}")
    author = post.author
    if author is None or author.pk == moderator.pk:
        return
    with translation.override(author.language):
        excerpt = gettext(message)
    key = notices.reply_key(topic, reply.number) if reply else notices.topic_key(topic)
    notify(
        recipients=[author],
        kind=notices.MODERATION,
        actor=moderator,
        target_key=f"{key}/moderation:{timezone.now().timestamp()}",
        url_name="conversations:reply-link" if reply else "conversations:topic-link",
        url_kwargs={"topic_id": topic.pk, "number": reply.number}
        if reply
        else {"topic_id": topic.pk},
        title=topic.title,
        excerpt=excerpt,
    )
