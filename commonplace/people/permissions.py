from django.core.exceptions import PermissionDenied

from commonplace.accounts.permissions import is_steward
from commonplace.people.models import Profile
from commonplace.people.visibility import may_see


def can_see_photo(profile: Profile, viewer) -> bool:
    return bool(profile.photo) and may_see(profile, "photo", viewer)


def check_can_manage_members(viewer) -> None:
    if not is_steward(viewer):
        raise PermissionDenied
