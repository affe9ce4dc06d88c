"""Who may see and do what in conversations. Views and selectors decide with these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from commonplace.accounts.permissions import is_member, is_steward
from commonplace.conversations.models import Attachment, Reply, Space, Topic


def facilitates(space: Space, member) -> bool:
    """Facilitators are read from ``space.facilitator_ids`` when the selector preloaded it."""
    ids = getattr(space, "facilitator_ids", None)
    if ids is None:
        return space.facilitators.filter(pk=member.pk).exists()
    return member.pk in ids


def can_see_space(space: Space, member) -> bool:
    if not is_member(member):
        return False
    if not space.is_private or is_steward(member):
        return True
    ids = getattr(space, "member_ids", None)
    if ids is None:
        return space.members.filter(pk=member.pk).exists() or facilitates(space, member)
    return member.pk in ids or facilitates(space, member)


def can_moderate(space: Space, member) -> bool:
    """Stewards moderate everywhere; a space's facilitators moderate there."""
    return is_steward(member) or (is_member(member) and facilitates(space, member))


def can_see_topic(topic: Topic, member) -> bool:
    if not can_see_space(topic.space, member):
        return False
    # A hidden topic, or one waiting for approval, stays visible to its author (with a notice)
    # and to moderators.
    return (
        not (topic.is_hidden or topic.is_pending)
        or topic.author_id == member.pk
        or can_moderate(topic.space, member)
    )


def can_see_reply_text(reply: Reply, topic: Topic, member) -> bool:
    if reply.deleted_at is not None:
        return False
    if reply.is_hidden or reply.is_pending:
        return reply.author_id == member.pk or can_moderate(topic.space, member)
    return True


def can_see_attachment(attachment: Attachment, topic: Topic, member) -> bool:
    """Whoever may read the post it is attached to. A deleted reply keeps its files in storage,
    like its row, but nobody is served them any more, its author included."""
    if attachment.topic_id != topic.pk or not can_see_topic(topic, member):
        return False
    if attachment.reply is None:
        return True
    return can_see_reply_text(attachment.reply, topic, member)


def can_reply(topic: Topic, member) -> bool:
    return can_see_topic(topic, member) and (
        not topic.is_locked or can_moderate(topic.space, member)
    )


def can_edit(post: Topic | Reply, topic: Topic, member) -> bool:
    """The author while the topic is open, and moderators always."""
    if can_moderate(topic.space, member):
        return True
    return post.author_id == member.pk and not topic.is_locked


def can_accept(topic: Topic, member) -> bool:
    """The person who asked, or a moderator, chooses the answer that helped."""
    return topic.is_question and (topic.author_id == member.pk or can_moderate(topic.space, member))


def can_manage_spaces(member) -> bool:
    return is_steward(member)


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def check_visible(allowed: bool) -> None:
    """What a member may not see answers 404: a 403 would confirm the private thing exists."""
    if not allowed:
        raise Http404
