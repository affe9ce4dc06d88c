"""Who may do what, by role. Views and selectors decide access with these, never templates alone."""

from typing import cast

from django.core.exceptions import PermissionDenied

from commonplace.accounts.models import Role, User


def is_member(user) -> bool:
    """Any active account: members, stewards and administrators all take part as members."""
    return bool(user.is_authenticated and user.is_active)


def is_steward(user) -> bool:
    """Stewards facilitate the community; administrators can do everything stewards can."""
    return is_member(user) and user.role in {Role.STEWARD, Role.ADMINISTRATOR}


def is_administrator(user) -> bool:
    return is_member(user) and user.role == Role.ADMINISTRATOR


def current_member(request) -> User:
    """The member making a request to a members-only view, typed as an account."""
    if not is_member(request.user):
        raise PermissionDenied
    return cast(User, request.user)


def check_steward(user) -> None:
    if not is_steward(user):
        raise PermissionDenied


def check_administrator(user) -> None:
    if not is_administrator(user):
        raise PermissionDenied
