"""Reads of a member's own notifications and email preferences."""

from django.core.paginator import Page, Paginator

from commonplace.accounts.models import User
from commonplace.notifications import kinds
from commonplace.notifications.models import EmailPreference, Notification

PER_PAGE = 20
# The bell counts no further than this; "99+" says enough and keeps the count cheap.
UNREAD_COUNT_CAP = 100


def notifications_page(*, member: User, page_number) -> Page:
    """A page of the member's notifications, newest first, with each actor preloaded.

    Two queries whatever the page length: the count and the rows.
    """
    notifications = Notification.objects.filter(recipient=member).select_related("actor")
    return Paginator(notifications.order_by("-created_at", "-pk"), PER_PAGE).get_page(page_number)


def notification_of(*, member: User, notification_id: int) -> Notification | None:
    """The member's own notification with this id; None for anyone else's."""
    return Notification.objects.filter(recipient=member, pk=notification_id).first()


def unread_count(*, member: User) -> int:
    """How many unread notifications the member has, counted up to UNREAD_COUNT_CAP.

    One query on the (recipient, read_at, created) index, which stops at the cap.
    """
    return (
        Notification.objects.filter(recipient=member, read_at__isnull=True)
        .order_by()
        .values("pk")[:UNREAD_COUNT_CAP]
        .count()
    )


def email_choices(*, member: User) -> dict[str, bool]:
    """Whether the member wants email, for every registered kind (on unless they said no)."""
    stored = dict(EmailPreference.objects.filter(member=member).values_list("kind", "email"))
    return {kind.key: stored.get(kind.key, True) for kind in kinds.all_kinds()}


def wants_email(*, member: User, kind: str) -> bool:
    stored = EmailPreference.objects.filter(member=member, kind=kind).values_list(
        "email", flat=True
    )
    return next(iter(stored), True)
