import pytest
from django.core import mail
from django.core.management import call_command

from commonplace.notifications.models import Notification
from commonplace.private_messages.models import PrivateConversation, PrivateMessage
from tests.conftest import run_tasks


@pytest.mark.django_db(transaction=True)
def test_the_demo_has_private_conversations_and_sends_no_email_about_them(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", verbosity=0)
    assert PrivateConversation.objects.count() == 3
    assert PrivateMessage.objects.count() == 11
    alice_inbox = PrivateConversation.objects.filter(
        participants__member__email="alice@demo.commonplace.test"
    )
    assert alice_inbox.count() == 2
    notices = Notification.objects.filter(kind="private_messages.message")
    assert notices.exists()
    assert not notices.filter(emailed_at__isnull=True).exists()
    mail.outbox = []
    run_tasks()
    assert [m for m in mail.outbox if "wrote to you" in m.subject or "a écrit" in m.subject] == []
    call_command("seed_demo", verbosity=0)
    assert PrivateConversation.objects.count() == 3


@pytest.mark.django_db
def test_the_scale_seed_adds_conversations_once(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    options = {"members": 40, "audit_entries": 10, "join_requests": 10, "verbosity": 0}
    call_command("seed_scale", **options)
    count = PrivateConversation.objects.count()
    assert count == 20
    assert PrivateMessage.objects.filter(conversation__subject="scale: 1").count() == 300
    call_command("seed_scale", **options)
    assert PrivateConversation.objects.count() == count
