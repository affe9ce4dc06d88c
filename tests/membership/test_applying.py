"""Asking to join: stored first, acknowledged by email, never lost, never a probe of who exists."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from commonplace.accounts.models import Consent
from commonplace.membership.models import JoinRequest, JoinRequestEvent
from commonplace.notifications.models import OutboxMessage
from tests.conftest import run_tasks
from tests.membership.conftest import answers, submit

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_applies_and_is_told_what_happens_next(client):
    response = submit(client)
    assert response.status_code == 302
    assert response.url == "/en/join/thanks/"
    request = JoinRequest.objects.get()
    assert (request.name, request.email, request.status, request.language) == (
        "Olivia Chen", "olivia@example.org", "new", "en"
    )  # fmt: skip
    assert request.events.get().kind == JoinRequestEvent.Kind.SUBMITTED
    thanks = client.get(response.url)
    assert "What happens next" in thanks.text


def test_the_acknowledgement_goes_out_through_the_outbox_in_the_applicants_language(client):
    submit(client, page_language="en", language="fr")
    assert OutboxMessage.objects.count() == 1
    assert mail.outbox == []
    run_tasks()
    [message] = mail.outbox
    assert message.to == ["olivia@example.org"]
    assert "Nous avons bien reçu votre demande" in message.subject
    assert "Bonjour Olivia Chen" in message.body


def test_both_consents_are_recorded_with_their_wording(client):
    submit(client, consent_news="on")
    contact, news = Consent.objects.order_by("kind")
    assert (contact.kind, contact.given, contact.email) == ("contact", True, "olivia@example.org")
    assert "contact me by email about my request" in contact.wording
    assert (news.kind, news.given) == ("news", True)
    assert news.user is None


def test_news_consent_is_optional_and_recorded_as_refused(client):
    submit(client)
    assert Consent.objects.get(kind="news").given is False


def test_the_contact_consent_is_required(client):
    response = submit(client, consent_contact=None)
    assert response.status_code == 200
    assert "We need your agreement to write to you about your request." in response.text
    assert JoinRequest.objects.count() == 0


def test_a_form_with_mistakes_keeps_everything_typed(client):
    response = submit(client, name="", email="not-an-email", goals="Mes <objectifs> & plus")
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"name", "email"}
    assert "Please enter an email address such as name@example.org." in response.text
    assert 'value="not-an-email"' in response.text
    assert "Mes &lt;objectifs&gt; &amp; plus" in response.text
    assert 'class="error-summary"' in response.text


def test_overlong_text_is_refused_with_the_limit_and_kept(client):
    response = submit(client, initiative="x" * 4001)
    assert "Please shorten this to 4000 characters or fewer (it has 4001)." in response.text
    assert "x" * 4001 in response.text
    assert JoinRequest.objects.count() == 0


def test_the_limit_message_is_in_french_on_the_french_form(client):
    response = submit(client, page_language="fr", initiative="x" * 4001)
    assert "4000" in response.text
    assert re.search(r"Veuillez raccourcir", response.text)


def test_a_filled_honeypot_looks_like_success_and_stores_nothing(client):
    response = submit(client, website="http://spam.example")
    assert response.url == "/en/join/thanks/"
    assert JoinRequest.objects.count() == 0


def test_a_form_sent_too_fast_asks_to_check_and_send_again(client, settings):
    settings.JOIN_FORM_MIN_SECONDS = 60
    response = submit(client)
    assert response.status_code == 200
    assert "That was very quick!" in response.text
    assert 'value="Olivia Chen"' in response.text
    assert JoinRequest.objects.count() == 0


def test_a_forged_start_time_is_refused(client):
    response = client.post("/en/join/", {**answers(), "started": "forged"})
    assert "This form has expired" in response.text
    assert JoinRequest.objects.count() == 0


def test_a_second_request_from_a_pending_address_adds_to_the_first(client):
    submit(client)
    first = JoinRequest.objects.get()
    response = submit(client, email="OLIVIA@example.org", goals="Also: find a mentor.")
    assert response.url == "/en/join/thanks/"
    assert JoinRequest.objects.count() == 1
    again = first.events.get(kind=JoinRequestEvent.Kind.SUBMITTED_AGAIN)
    assert "Also: find a mentor." in again.message
    run_tasks()
    duplicate_notice = mail.outbox[-1]
    assert "We already have your request" in duplicate_notice.subject
    assert f"{first.submitted_at:%Y}" in duplicate_notice.body


def test_an_address_with_an_account_gets_login_help_and_no_request(client, alice):
    response = submit(client, email="alice@example.org")
    assert response.url == "/en/join/thanks/"
    assert JoinRequest.objects.count() == 0
    run_tasks()
    [message] = mail.outbox
    assert "You already have an account" in message.subject
    assert "/en/accounts/password/reset/" in message.body


def test_rate_limit_per_address_says_when_to_try_again(client, settings):
    settings.JOIN_LIMIT_PER_EMAIL = 2
    submit(client)
    submit(client)
    response = submit(client)
    assert response.status_code == 200
    assert "Please try again in" in response.text
    assert 'value="Olivia Chen"' in response.text


def test_rate_limit_per_ip(client, settings):
    settings.JOIN_LIMIT_PER_IP = 2
    submit(client, email="a@example.org")
    submit(client, email="b@example.org")
    response = submit(client, email="c@example.org")
    assert "Please try again in" in response.text
    assert JoinRequest.objects.count() == 2


def test_when_smtp_is_down_the_request_is_kept_and_the_email_follows(client, smtp):
    response = submit(client)
    assert response.url == "/en/join/thanks/"
    run_tasks()  # the mail server is down
    assert JoinRequest.objects.count() == 1
    stored = OutboxMessage.objects.get()
    assert stored.status == OutboxMessage.Status.PENDING
    smtp.start()
    from commonplace.notifications import outbox

    outbox.sweep(now=stored.next_attempt_at + timedelta(seconds=1))
    run_tasks()
    [(_sender, recipients, message)] = smtp.messages
    assert recipients == ["olivia@example.org"]
    assert "We received your request to join" in message["Subject"]


def test_a_name_with_line_breaks_cannot_add_email_headers(client):
    submit(client, name="Olivia\r\nBcc: everyone@example.org")
    request = JoinRequest.objects.get()
    assert request.name == "Olivia\r\nBcc: everyone@example.org"
    run_tasks()
    [message] = mail.outbox
    assert message.recipients() == ["olivia@example.org"]
    assert "everyone@example.org" not in message.message()["To"]
    assert message.message()["Bcc"] is None


def test_the_join_form_uses_the_stewards_wording(client):
    from commonplace.membership.models import JoinQuestion

    JoinQuestion.objects.create(key="goals", label_en="Why us?", label_fr="Pourquoi nous?")
    assert "Why us?" in client.get("/en/join/").text
    assert "Pourquoi nous?" in client.get("/fr/join/").text
    assert "Organization or group" in client.get("/en/join/").text
