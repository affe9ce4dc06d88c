"""Emailing notifications, done by the worker so that ``notify`` never waits on email."""

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.urls import reverse
from django.utils import timezone, translation

from commonplace.notifications import kinds
from commonplace.notifications.email import send_templated
from commonplace.notifications.models import EmailPreference, Notification
from commonplace.notifications.services import unsubscribe_token


@task()
def email_notifications(notification_ids: list[int]) -> str:
    """Email each of these notifications whose recipient wants email for its kind.

    Everything is read again here, when the email is written: a notification withdrawn since
    (a hidden post, a member who lost access) no longer exists and is not sent, nor is one to
    an account deactivated since. Each is claimed by stamping ``emailed_at`` in the transaction
    that puts its email in the outbox, so running this twice sends nothing twice.
    """
    notifications = list(
        Notification.objects.filter(
            pk__in=notification_ids, emailed_at__isnull=True, recipient__is_active=True
        ).select_related("recipient", "actor")
    )
    turned_off = set(
        EmailPreference.objects.filter(
            member_id__in={notification.recipient_id for notification in notifications},
            email=False,
        ).values_list("member_id", "kind")
    )
    sent = 0
    for notification in notifications:
        if (notification.recipient_id, notification.kind) in turned_off:
            continue
        try:
            kind = kinds.get(notification.kind)
        except LookupError:
            continue  # the feature that sent it is gone; there is nothing to say about it
        with transaction.atomic():
            claimed = Notification.objects.filter(
                pk=notification.pk, emailed_at__isnull=True
            ).update(emailed_at=timezone.now())
            if claimed:
                _send(notification, kind)
                sent += 1
    return f"{sent} sent"


def _send(notification: Notification, kind: kinds.Kind) -> None:
    recipient = notification.recipient
    with translation.override(recipient.language):
        token = unsubscribe_token(member=recipient, kind=kind.key)
        unsubscribe_url = settings.SITE_URL + reverse("notifications:unsubscribe", args=[token])
        context = {
            "recipient": recipient,
            "sentence": notification.sentence,
            "quoted_excerpt": "\n".join(f"> {line}" for line in notification.excerpt.splitlines()),
            "link": settings.SITE_URL + notification.target_path(),
            "kind_label": str(kind.label),
            "unsubscribe_url": unsubscribe_url,
            "settings_url": settings.SITE_URL + reverse("notifications:settings"),
        }
    send_templated(
        "notifications/email/notification",
        to=[recipient.email],
        language=recipient.language,
        context=context,
        headers={
            # RFC 2369 and RFC 8058: mail clients show their own "unsubscribe" button, which
            # POSTs to this address without opening a page.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
