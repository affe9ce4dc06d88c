"""Who may see and write what. A conversation is its participants' alone: not found (404) for
everyone else, stewards and administrators included, since a 403 would confirm it exists."""

from django.http import Http404

from commonplace.private_messages.models import Participant


def may_write_to(profile, viewer) -> bool:
    """Someone may be offered as a recipient: another active member who takes messages."""
    return profile.accepts_messages and profile.user_id != viewer.pk and profile.user.is_active


def check_participant(place: Participant | None) -> Participant:
    """The viewer's current place in a conversation, or 404 if they have none (never were in
    it, or left)."""
    if place is None:
        raise Http404
    return place
