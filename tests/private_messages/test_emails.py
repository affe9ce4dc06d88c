"""Email about a private message goes through the real outbox and task worker, to the people
in the conversation only, each in their own language."""

import pytest
from django.core import mail

from commonplace.notifications.services import email_preference_set
from commonplace.private_messages import services
from tests.conftest import make_person, run_tasks
from tests.private_messages.conftest import SECRET

pytestmark = pytest.mark.django_db(transaction=True)


def sent_to(address: str) -> list:
    return [email for email in mail.outbox if address in email.to]


def test_each_recipient_gets_one_email_in_their_language_and_no_one_else_does(
    letter, alice, benoit, chloe, olga, sam
):
    run_tasks()
    assert sorted(address for email in mail.outbox for address in email.to) == [
        "alice@example.org",  # Benoît's answer
        "benoit@example.org",  # Alice's first message
        "chloe@example.org",  # both
        "chloe@example.org",
    ]
    [to_benoit] = sent_to("benoit@example.org")
    assert to_benoit.subject.endswith(f"Alice Martin vous a écrit : « {SECRET} subject »")
    assert f"{SECRET} first message" in to_benoit.body
    assert f"/fr/messages/{letter.pk}/m/1/" in to_benoit.body
    [to_alice] = sent_to("alice@example.org")
    assert to_alice.subject.endswith(f"Benoît Gagnon wrote to you: “{SECRET} subject”")
    assert f"/en/messages/{letter.pk}/m/2/" in to_alice.body
    for email in mail.outbox:
        # Nobody's address travels, and each email carries only its own message.
        assert email.reply_to == []
        text = email.message().as_string()
        for address in ("alice@example.org", "benoit@example.org", "chloe@example.org"):
            if address not in email.to:
                assert address not in text
    for outsider in (olga, sam):
        assert sent_to(outsider.email) == []
    assert not any(SECRET in email.body for email in sent_to("olga@example.org"))


def test_no_email_after_leaving_or_muting_and_none_if_turned_off(letter, alice, benoit, chloe):
    run_tasks()
    mail.outbox = []
    services.conversation_leave(conversation=letter, member=chloe)
    services.conversation_mute(conversation=letter, member=benoit, mute=True)
    services.message_post(conversation=letter, author=alice, body="Anyone there?")
    run_tasks()
    assert mail.outbox == []

    dora = make_person("dora@example.org", name="Dora Quiet")
    email_preference_set(member=dora, kind="private_messages.message", email=False)
    services.conversation_start(author=alice, recipients=[dora], subject="Hi", body="Hello")
    run_tasks()
    assert mail.outbox == []  # she still sees it in the app
    assert dora.notifications.count() == 1


def test_a_notice_withdrawn_before_the_worker_runs_is_never_emailed(letter, chloe):
    services.conversation_leave(conversation=letter, member=chloe)
    run_tasks()
    assert sent_to("chloe@example.org") == []
