"""Who may see and do what in the library. Views and selectors decide with these."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from commonplace.accounts.permissions import is_member, is_steward
from commonplace.library.models import EditSuggestion, Resource, ResourceFile


def is_author(resource: Resource, member) -> bool:
    """Authors are read from ``resource.author_ids`` when the selector preloaded it."""
    if not is_member(member):
        return False
    ids = getattr(resource, "author_ids", None)
    if ids is None:
        ids = set(resource.authors.values_list("pk", flat=True))
    return member.pk in ids or resource.created_by_id == member.pk


def can_see_resource(resource: Resource, user) -> bool:
    """Drafts: their authors and the stewards. Shared or archived: every member. Visitors:
    only what a steward made public."""
    if resource.status == Resource.Status.DRAFT:
        return is_steward(user) or is_author(resource, user)
    if is_member(user):
        return True
    return resource.is_public and resource.is_published


def can_see_file(item: ResourceFile, resource: Resource, user) -> bool:
    return item.resource_id == resource.pk and can_see_resource(resource, user)


def can_edit(resource: Resource, member) -> bool:
    return is_steward(member) or is_author(resource, member)


def can_publish(resource: Resource, member) -> bool:
    """Sharing a draft with members: its authors or a steward."""
    return can_edit(resource, member)


def can_make_public(member) -> bool:
    return is_steward(member)


def can_use(resource: Resource, member) -> bool:
    return is_member(member) and resource.status != Resource.Status.DRAFT


def can_record_use(resource: Resource, member) -> bool:
    """ "I used this" is evidence for the authors' contributions, so it comes from others."""
    return can_use(resource, member) and not is_author(resource, member)


def can_suggest(resource: Resource, member) -> bool:
    """Members who are not its authors suggest; authors simply edit."""
    return can_use(resource, member) and not is_author(resource, member)


def can_decide(suggestion: EditSuggestion, member) -> bool:
    return can_edit(suggestion.resource, member)


def can_comment(resource: Resource, member) -> bool:
    """Comments are replies in the resource's conversation, so a moderator who closed or hid
    that conversation closes them here too."""
    from commonplace.conversations.permissions import can_reply

    if not (can_use(resource, member) and resource.status == Resource.Status.PUBLISHED):
        return False
    return resource.discussion is None or can_reply(resource.discussion, member)


def can_turn_into_resource(topic, member) -> bool:
    """A steward, or the member who started the conversation."""
    from commonplace.conversations.permissions import can_see_topic

    return (
        is_member(member)
        and can_see_topic(topic, member)
        and not topic.space.is_private
        and (is_steward(member) or topic.author_id == member.pk)
    )


def check(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def check_visible(allowed: bool) -> None:
    """What someone may not see is not found, rather than forbidden: its existence is private."""
    if not allowed:
        raise Http404
