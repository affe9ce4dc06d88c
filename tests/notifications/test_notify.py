"""Features call notify(): the right people hear about it, in the app and by email, in their
language, and a withdrawn notification is neither shown nor emailed."""

import email
import email.policy
import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import Client
from django.urls import NoReverseMatch

from commonplace.notifications import services
from commonplace.notifications.models import EmailPreference, Notification
from tests.conftest import make_person
from tests.notifications.conftest import MENTION, REPLY, notify_about


def links_in(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


def site_path(url: str) -> str:
    return url.removeprefix(settings.SITE_URL)


# Who is told ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_notify_skips_the_actor_deactivated_accounts_and_duplicates(alice, benoit, sam, test_kinds):
    gone = make_person("gone@example.org", name="Gone Away")
    gone.is_active = False
    gone.save()
    created = notify_about([alice, benoit, benoit.pk, sam, gone], actor=sam)
    assert created == 2
    assert sorted(Notification.objects.values_list("recipient__email", flat=True)) == [
        "alice@example.org",
        "benoit@example.org",
    ]
    # The same event told again (a retried request, say) does not tell anyone twice.
    assert notify_about([alice, benoit], actor=sam) == 0
    assert Notification.objects.count() == 2


@pytest.mark.django_db
def test_notify_refuses_an_unknown_kind_or_a_link_that_does_not_resolve(alice, test_kinds):
    with pytest.raises(LookupError):
        notify_about([alice], kind="tests.nothing-like-this")
    with pytest.raises(NoReverseMatch):
        notify_about([alice], url_name="core:page", url_kwargs={})
    assert Notification.objects.count() == 0


@pytest.mark.django_db
def test_a_long_excerpt_is_shortened_and_the_title_is_kept_whole(alice, test_kinds):
    notify_about([alice], title="T" * 900, excerpt="word " * 200)
    notification = Notification.objects.get()
    assert notification.title == "T" * 900
    assert len(notification.excerpt) <= services.EXCERPT_LENGTH


# Email ----------------------------------------------------------------------------------------

pytestmark_tx = pytest.mark.django_db(transaction=True)


@pytestmark_tx
def test_each_notification_is_emailed_in_the_recipients_language(
    alice, benoit, sam, test_kinds, tasks
):
    with transaction.atomic():
        notify_about([alice, benoit], actor=sam, title="Starting a grief café")
    assert mail.outbox == []  # nothing slow in the request: the worker writes the emails
    tasks()

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"alice@example.org", "benoit@example.org"}
    english, french = by_recipient["alice@example.org"], by_recipient["benoit@example.org"]
    assert english.subject.endswith("Sam Tremblay replied to “Starting a grief café”")
    assert "We started ours in the library." in english.body

    english_link, english_unsubscribe, _settings = links_in(english.body)
    assert english_link == f"{settings.SITE_URL}/en/pages/privacy/#reply-55"
    assert english_unsubscribe.startswith(f"{settings.SITE_URL}/en/notifications/unsubscribe/")
    french_link, french_unsubscribe, french_settings = links_in(french.body)
    assert french_link == f"{settings.SITE_URL}/fr/pages/privacy/#reply-55"
    assert french_unsubscribe.startswith(f"{settings.SITE_URL}/fr/notifications/unsubscribe/")
    assert french_settings == f"{settings.SITE_URL}/fr/notifications/settings/"

    for message, unsubscribe in ((english, english_unsubscribe), (french, french_unsubscribe)):
        # On the wire exactly as written: an encoded or folded address is not one to clients.
        assert f"\r\nList-Unsubscribe: <{unsubscribe}>\r\n".encode() in message._raw
        assert message.message()["List-Unsubscribe"] == f"<{unsubscribe}>"
        assert message.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0


@pytestmark_tx
def test_the_one_click_unsubscribe_header_turns_off_that_kind_only(alice, sam, test_kinds, tasks):
    notify_about([alice], actor=sam)
    tasks()
    [message] = mail.outbox
    address = message.message()["List-Unsubscribe"].strip("<>")

    # What a mail client sends (RFC 8058): a POST without cookies or CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        site_path(address),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert EmailPreference.objects.get(member=alice, kind=REPLY.key).email is False

    mail.outbox = []
    notify_about([alice], actor=sam, target_key="topic:13/reply:56")
    notify_about([alice], actor=sam, target_key="topic:13/reply:56", kind=MENTION.key)
    tasks()
    assert [m.subject.split("] ", 1)[1] for m in mail.outbox] == [
        "Sam Tremblay mentioned you in “Starting a grief café”"
    ]
    assert Notification.objects.filter(recipient=alice).count() == 3  # still shown in the app


@pytestmark_tx
def test_nothing_is_told_when_the_change_is_rolled_back(alice, sam, test_kinds, tasks):
    class Undone(Exception):
        pass

    def change_that_fails():
        with transaction.atomic():
            notify_about([alice], actor=sam)
            raise Undone

    with pytest.raises(Undone):
        change_that_fails()
    tasks()
    assert Notification.objects.count() == 0
    assert mail.outbox == []


@pytestmark_tx
def test_a_withdrawn_notification_is_removed_and_never_emailed(
    alice, benoit, sam, test_kinds, tasks
):
    notify_about([alice, benoit], actor=sam, target_key="topic:12/reply:55")
    notify_about([alice], actor=sam, target_key="topic:12")
    notify_about([alice], actor=sam, target_key="topic:123/reply:1")
    # Withdrawn before the worker got to the emails: the reply was hidden at once.
    assert services.withdraw(target_key_prefix="topic:12") == 3
    tasks()
    assert list(Notification.objects.values_list("target_key", flat=True)) == ["topic:123/reply:1"]
    assert [message.to for message in mail.outbox] == [["alice@example.org"]]
    assert "/pages/privacy/" in mail.outbox[0].body


@pytest.mark.django_db
def test_withdrawing_for_some_recipients_leaves_the_others(alice, benoit, sam, test_kinds):
    notify_about([alice, benoit], actor=sam, target_key="space:3/topic:12/reply:55")
    # Benoît left the private space: what he was told about it goes.
    assert services.withdraw(target_key_prefix="space:3/", recipients=[benoit]) == 1
    assert list(Notification.objects.values_list("recipient", flat=True)) == [alice.pk]
    with pytest.raises(ValueError, match="prefix"):
        services.withdraw(target_key_prefix="")


@pytestmark_tx
def test_running_the_email_task_twice_sends_each_email_once(alice, sam, test_kinds, tasks):
    from commonplace.notifications.tasks import email_notifications

    notify_about([alice], actor=sam)
    ids = list(Notification.objects.values_list("pk", flat=True))
    email_notifications.call(ids)
    email_notifications.call(ids)
    tasks()
    assert len(mail.outbox) == 1


@pytestmark_tx
def test_no_email_to_an_account_deactivated_before_the_worker_ran(alice, sam, test_kinds, tasks):
    notify_about([alice], actor=sam)
    alice.is_active = False
    alice.save()
    tasks()
    assert mail.outbox == []


@pytestmark_tx
def test_a_line_break_in_a_title_or_name_stays_out_of_the_headers(alice, test_kinds, tasks):
    mallory = make_person("mallory@example.org", name="Mallory\r\nBcc: everyone@example.org")
    notify_about([alice], actor=mallory, title="Hi\r\nBcc: everyone@example.org\n\nbody")
    tasks()
    [message] = mail.outbox
    assert message.recipients() == ["alice@example.org"]
    parsed = message.message()
    assert parsed["Bcc"] is None
    assert "\n" not in parsed["Subject"]
    assert "Hi Bcc: everyone@example.org body" in parsed["Subject"]


@pytestmark_tx
def test_notification_emails_go_out_over_real_smtp(alice, benoit, sam, smtp, test_kinds, tasks):
    smtp.start()
    notify_about([benoit], actor=sam, title="Un café deuil à Sherbrooke")
    tasks()
    [(_sender, recipients, message)] = smtp.messages
    assert recipients == ["benoit@example.org"]
    assert "Un café deuil à Sherbrooke" in message["Subject"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = message["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(f"{settings.SITE_URL}/fr/notifications/unsubscribe/")
    assert f"\r\nList-Unsubscribe: <{unsubscribe}>\r\n".encode() in smtp.raw[0]
    body = message.get_content()
    assert f"{settings.SITE_URL}/fr/pages/privacy/#reply-55" in body
    assert unsubscribe in body
    # The message on the wire parses back to the same headers.
    assert (
        email.message_from_bytes(message.as_bytes(), policy=email.policy.default)[
            "List-Unsubscribe"
        ]
        == message["List-Unsubscribe"]
    )


# Accounts -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_deleting_an_account_removes_its_notifications_and_leaves_a_former_member(
    alice, benoit, sam, test_kinds
):
    from commonplace.people.services import account_delete

    notify_about([alice], actor=sam)
    notify_about([sam], actor=alice, target_key="topic:14")
    services.email_preference_set(member=alice, kind=REPLY.key, email=False)
    account_delete(member=alice)
    assert not Notification.objects.filter(recipient_id=alice.pk).exists()
    assert not EmailPreference.objects.filter(member_id=alice.pk).exists()
    told = Notification.objects.get(recipient=sam)
    assert told.actor is None
    assert told.sentence == "a former member replied to “Starting a grief café”"


@pytest.mark.django_db
def test_a_members_data_download_includes_their_notifications_and_email_choices(
    alice, sam, test_kinds
):
    from django.template.loader import render_to_string

    from commonplace.people.exports import everything_about

    notify_about([alice], actor=sam, title="Starting a grief café")
    services.email_preference_set(member=alice, kind=MENTION.key, email=False)
    data = everything_about(alice)
    [notification] = data["notifications"]
    assert notification["title"] == "Starting a grief café"
    assert notification["kind"] == REPLY.key
    assert notification["read"] is None
    assert data["email_preferences"] == [{"kind": MENTION.key, "email": False}]
    page = render_to_string("people/export.html", {"data": data, "member": alice})
    assert "Starting a grief café" in page
    assert "tests.mention: no email" in page
