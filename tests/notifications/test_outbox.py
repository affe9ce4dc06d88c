"""Email is stored before it is sent, and an SMTP outage delays it instead of losing it."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.utils import timezone

from commonplace.notifications import outbox
from commonplace.notifications.models import OutboxMessage
from tests.conftest import run_tasks

pytestmark = pytest.mark.django_db(transaction=True)


def queue_welcome():
    with transaction.atomic():
        send_mail(
            "Bienvenue à la communauté",
            "Voici votre invitation. Ça commence ici.",
            None,
            ["amelie@example.org"],
        )


def test_a_message_is_stored_first_and_sent_by_the_worker():
    queue_welcome()
    stored = OutboxMessage.objects.get()
    assert stored.status == OutboxMessage.Status.PENDING
    assert mail.outbox == []
    run_tasks()
    stored.refresh_from_db()
    assert stored.status == OutboxMessage.Status.SENT
    assert stored.attempts == 1
    assert [m.recipients() for m in mail.outbox] == [["amelie@example.org"]]
    assert bytes(stored.raw) == b""  # delivered messages keep no body (links, tokens) around


def test_when_smtp_is_down_the_message_waits_and_goes_out_once_it_is_back(smtp):
    queue_welcome()
    run_tasks()  # nothing listens on the port yet
    stored = OutboxMessage.objects.get()
    assert stored.status == OutboxMessage.Status.PENDING
    assert stored.attempts == 1
    assert "Connection refused" in stored.last_error or "Errno" in stored.last_error
    assert stored.next_attempt_at > timezone.now()

    smtp.start()
    assert outbox.sweep(now=timezone.now()) == 0  # not due yet: no hammering a sick server
    assert outbox.sweep(now=stored.next_attempt_at + timedelta(seconds=1)) == 1
    run_tasks()

    stored.refresh_from_db()
    assert stored.status == OutboxMessage.Status.SENT
    assert stored.attempts == 2
    [(_sender, recipients, message)] = smtp.messages
    assert recipients == ["amelie@example.org"]
    assert message["Subject"] == "Bienvenue à la communauté"
    assert "Ça commence ici." in message.get_content()


def test_the_outbox_gives_up_after_the_last_attempt(smtp, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    queue_welcome()
    run_tasks()
    outbox.sweep(now=timezone.now() + timedelta(hours=2))
    run_tasks()
    stored = OutboxMessage.objects.get()
    assert stored.status == OutboxMessage.Status.FAILED
    assert stored.attempts == 2


def test_a_message_is_sent_once_even_if_two_deliveries_race(smtp):
    smtp.start()
    queue_welcome()
    stored = OutboxMessage.objects.get()
    assert outbox.deliver.call(stored.pk) == "sent"
    assert outbox.deliver.call(stored.pk) == "skipped"
    run_tasks()  # the task queued on commit finds it already sent
    assert len(smtp.messages) == 1


def test_a_lost_task_is_picked_up_by_the_sweep():
    queue_welcome()
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # as if the queue had lost it
    assert outbox.sweep(now=timezone.now() + outbox.SWEEP_GRACE + timedelta(seconds=1)) == 1
    run_tasks()
    assert len(mail.outbox) == 1


def test_a_line_break_in_a_header_is_refused_before_anything_is_stored():
    message = EmailMessage(
        subject="Hello\r\nBcc: everyone@example.org",
        body="hi",
        to=["amelie@example.org"],
    )
    with pytest.raises(ValueError, match="may not contain linefeed or carriage return"):
        message.send()
    assert OutboxMessage.objects.count() == 0


def test_a_name_with_a_line_break_cannot_add_a_recipient():
    message = EmailMessage(
        subject="Hello",
        body="hi",
        to=['"Mallory\r\nBcc: everyone@example.org" <mallory@example.org>'],
    )
    with pytest.raises(ValueError, match="may not contain linefeed or carriage return"):
        message.send()
    assert OutboxMessage.objects.count() == 0
