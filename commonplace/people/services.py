from django.db import transaction
from django.utils import timezone

from commonplace.people.models import Profile


@transaction.atomic
def profile_update(
    *,
    user,
    organization: str,
    province: str,
    initiative: str,
    goals: str,
    language: str | None = None,
    complete: bool = False,
) -> Profile:
    """Save the member's profile (and their language, which lives on the account)."""
    profile, _created = Profile.objects.get_or_create(user=user)
    profile.organization, profile.province = organization, province
    profile.initiative, profile.goals = initiative, goals
    if complete and profile.completed_at is None:
        profile.completed_at = timezone.now()
    profile.save()
    if language and language != user.language:
        user.language = language
        user.save(update_fields=["language"])
    return profile
