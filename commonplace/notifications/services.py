"""Every change to notifications and email preferences; features call ``notify`` and ``withdraw``."""

from collections.abc import Iterable
from functools import partial

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator

from commonplace.accounts.models import User
from commonplace.notifications import kinds
from commonplace.notifications.models import EmailPreference, Notification

EXCERPT_LENGTH = 300
UNSUBSCRIBE_SALT = "commonplace.notifications.unsubscribe"


def notify(
    *,
    recipients: Iterable[User | int],
    kind: str,
    actor: User | None,
    target_key: str,
    url_name: str,
    url_kwargs: dict,
    title: str,
    excerpt: str = "",
    fragment: str = "",
) -> int:
    """Tell each recipient, in the app and (if they want it) by email, that something happened.

    The caller decides who may know: pass only recipients allowed to see the target (members of
    a private space, say). This function checks nothing about the feature's own permissions.

    Skips the actor themself, deactivated accounts, a recipient named twice, and a recipient who
    already has a notification of this kind for this ``target_key`` (so calling it again for
    the same event is harmless). Rows are created in the caller's transaction; the emails are
    queued only once it commits, so a rolled-back change never emails anyone.

    ``kind`` must be registered (LookupError otherwise) and ``url_name``/``url_kwargs`` must
    reverse (NoReverseMatch otherwise): both are mistakes to find at once, not in the worker.
    ``target_key`` names the thing for ``withdraw``: segments joined by "/", most general first,
    such as "topic:12/reply:55". Returns how many notifications were created.
    """
    kinds.get(kind)
    reverse(url_name, kwargs=url_kwargs)
    wanted = {recipient if isinstance(recipient, int) else recipient.pk for recipient in recipients}
    if actor is not None:
        wanted.discard(actor.pk)
    if not wanted:
        return 0
    if len(excerpt) > EXCERPT_LENGTH:
        excerpt = Truncator(excerpt).chars(EXCERPT_LENGTH)
    with transaction.atomic():
        already = Notification.objects.filter(
            recipient_id__in=wanted, kind=kind, target_key=target_key
        ).values("recipient_id")
        active = User.objects.filter(pk__in=wanted, is_active=True).exclude(pk__in=already)
        now = timezone.now()
        created = Notification.objects.bulk_create(
            Notification(
                recipient_id=recipient_id,
                kind=kind,
                actor=actor,
                target_key=target_key,
                url_name=url_name,
                url_kwargs=url_kwargs,
                fragment=fragment,
                title=title,
                excerpt=excerpt,
                created_at=now,
            )
            for recipient_id in sorted(active.values_list("pk", flat=True))
        )
    if created:
        from commonplace.notifications.tasks import email_notifications

        ids = [notification.pk for notification in created]
        transaction.on_commit(partial(email_notifications.enqueue, ids))
    return len(created)


def withdraw(*, target_key_prefix: str, recipients: Iterable[User | int] | None = None) -> int:
    """Delete the notifications about a thing that is gone or no longer visible to someone.

    The prefix matches whole segments: "topic:12" removes "topic:12" and "topic:12/reply:55"
    but never "topic:123". With ``recipients``, only theirs go (a member who lost access to a
    private space). A withdrawn notification is never emailed, even if its email was still
    waiting for the worker. Returns how many were deleted.
    """
    prefix = target_key_prefix.rstrip("/")
    if not prefix:
        raise ValueError("withdraw() needs a target_key prefix")
    notifications = Notification.objects.filter(
        Q(target_key=prefix) | Q(target_key__startswith=f"{prefix}/")
    )
    if recipients is not None:
        ids = {
            recipient if isinstance(recipient, int) else recipient.pk for recipient in recipients
        }
        notifications = notifications.filter(recipient_id__in=ids)
    deleted, _by_model = notifications.delete()
    return deleted


def mark_read(*, member: User, notification_ids: Iterable[int] | None = None) -> int:
    """Mark the member's notifications read: these ids, or all of them when None.

    Ids of other members' notifications are ignored. Returns how many changed.
    """
    unread = Notification.objects.filter(recipient=member, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=list(notification_ids))
    return unread.update(read_at=timezone.now())


def email_preference_set(*, member: User, kind: str, email: bool) -> EmailPreference:
    """Record whether the member wants email for this kind (LookupError if it is unknown).

    A choice is stored even when it equals the default, so it survives a change of default.
    """
    kinds.get(kind)
    preference, _created = EmailPreference.objects.update_or_create(
        member=member, kind=kind, defaults={"email": email}
    )
    return preference


# --- Unsubscribing from an email ------------------------------------------------------------


def unsubscribe_token(*, member: User, kind: str) -> str:
    """A token for the link in each email that turns off that kind of email for that member.

    It never expires: the link must work for as long as the email sits in someone's mailbox
    (mail clients offer "unsubscribe" on old mail too), and all it can do is turn off one kind
    of email for one person, which they can turn back on in their settings. Changing the
    SECRET_KEY retires every token; the page then says the link does not work.
    """
    return signing.dumps([member.pk, kind], salt=UNSUBSCRIBE_SALT, compress=False)


class UnusableToken(Exception):
    """The unsubscribe link was changed or cut short, or its account or kind is gone."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "garbled" or "gone"


def unsubscribe_target(token: str) -> tuple[User, kinds.Kind]:
    """Who and what an unsubscribe token is for; raises UnusableToken."""
    try:
        member_id, key = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, TypeError, ValueError):
        raise UnusableToken("garbled") from None
    member = User.objects.filter(pk=member_id).first() if isinstance(member_id, int) else None
    try:
        kind = kinds.get(key) if isinstance(key, str) else None
    except LookupError:
        kind = None
    if member is None or kind is None:
        raise UnusableToken("gone")
    return member, kind
