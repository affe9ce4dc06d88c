"""The email outbox: a Django mail backend that stores, and a task that delivers with retries."""

import email
import email.policy
import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone

from commonplace.notifications.models import OutboxMessage

logger = logging.getLogger(__name__)

TRANSPORT_MAILER = "transport"
# A claimed message whose worker died mid-send is offered again after this long.
CLAIM_TIMEOUT = timedelta(minutes=10)
SWEEP_GRACE = timedelta(minutes=2)
# Headers are folded at RFC 5322's hard limit rather than its suggested 78 characters: Python
# folds a long word with no spaces in it (such as the address in List-Unsubscribe) by turning
# it into RFC 2047 encoded words, which mail clients do not read as an address.
WIRE_POLICY = email.policy.SMTP.clone(max_line_length=998)


class OutboxBackend(BaseEmailBackend):
    """The default mailer: ``send_mail`` and allauth write to the outbox, never to SMTP directly."""

    def send_messages(self, email_messages) -> int:
        queued = 0
        for message in email_messages:
            recipients = message.recipients()
            if not recipients:
                continue
            # Building the MIME message here validates every header (a CR/LF in a name raises),
            # so a malformed message fails in the request that made it, not later in the worker.
            raw = message.message(policy=WIRE_POLICY).as_bytes()
            stored = OutboxMessage.objects.create(
                from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
                recipients=recipients,
                subject=str(message.subject)[:998],
                raw=raw,
                # The task queued below normally sends it at once; the sweep only steps in
                # if that task was lost.
                next_attempt_at=timezone.now() + SWEEP_GRACE,
            )
            transaction.on_commit(partial(deliver.enqueue, stored.pk))
            queued += 1
        return queued


class StoredEmail(EmailMessage):
    """An already-built message, handed to a real transport exactly as it was stored."""

    def __init__(self, stored: OutboxMessage):
        self._raw = bytes(stored.raw)
        self._recipients = list(stored.recipients)
        parsed = self.message()
        text = parsed.get_body(preferencelist=("plain",))
        # Subject and body are read back for people (the admin, tests); the wire uses _raw.
        super().__init__(
            subject=str(parsed["Subject"] or ""),
            body=text.get_content() if text is not None else "",
            from_email=stored.from_email,
            to=stored.recipients,
            reply_to=[str(address) for address in parsed.get_all("Reply-To", [])],
        )

    def recipients(self):
        return self._recipients

    def message(self, *, policy=email.policy.default):
        # Headers go out as they were stored: refolding them at 78 characters would encode
        # the List-Unsubscribe address (see WIRE_POLICY).
        return email.message_from_bytes(self._raw, policy=policy.clone(refold_source="none"))


def retry_delay(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … doubling, at most an hour between tries."""
    return timedelta(seconds=min(30 * 2 ** max(attempts - 1, 0), 3600))


@task()
def deliver(message_id: int) -> str:
    """Send one stored message. Safe to run twice: only the caller that claims the row sends."""
    now = timezone.now()
    claimed = OutboxMessage.objects.filter(
        Q(status=OutboxMessage.Status.PENDING)
        | Q(status=OutboxMessage.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT),
        pk=message_id,
    ).update(status=OutboxMessage.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return "skipped"
    stored = OutboxMessage.objects.get(pk=message_id)
    try:
        with mailers[TRANSPORT_MAILER] as transport:
            transport.send_messages([StoredEmail(stored)])
    except Exception as error:
        return _schedule_retry(stored, error)
    stored.status = OutboxMessage.Status.SENT
    stored.sent_at = timezone.now()
    stored.last_error = ""
    # Once delivered, the body (with any invitation or reset link in it) is not kept.
    stored.raw = b""
    stored.save(update_fields=["status", "sent_at", "last_error", "raw"])
    return "sent"


def _schedule_retry(stored: OutboxMessage, error: Exception) -> str:
    stored.last_error = f"{type(error).__name__}: {error}"[:2000]
    if stored.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        stored.status = OutboxMessage.Status.FAILED
        stored.save(update_fields=["status", "last_error"])
        logger.error("Gave up on outbox message %s after %s attempts", stored.pk, stored.attempts)
        return "failed"
    stored.status = OutboxMessage.Status.PENDING
    stored.next_attempt_at = timezone.now() + retry_delay(stored.attempts)
    stored.save(update_fields=["status", "last_error", "next_attempt_at"])
    logger.warning("Outbox message %s not sent (%s); will retry", stored.pk, stored.last_error)
    return "retry"


def sweep(now=None) -> int:
    """Hand every message that is due (a retry, or one whose task was lost) to the worker."""
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(
        Q(status=OutboxMessage.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=OutboxMessage.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT)
    ).values_list("pk", flat=True)[:500]
    count = 0
    for pk in due:
        deliver.enqueue(pk)
        count += 1
    return count
