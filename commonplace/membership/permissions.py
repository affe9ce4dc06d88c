from django.core.exceptions import PermissionDenied

from commonplace.accounts.permissions import is_administrator, is_steward


def can_review_requests(user) -> bool:
    return is_steward(user)


def check_can_review_requests(user) -> None:
    if not can_review_requests(user):
        raise PermissionDenied


def check_can_invite_directly(user) -> None:
    if not is_administrator(user):
        raise PermissionDenied
