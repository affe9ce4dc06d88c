"""From invitation to member: a password, a profile pre-filled from the request, a welcome."""

import logging
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from commonplace.accounts.models import Consent, User
from commonplace.membership import services
from commonplace.membership.models import Invitation, JoinRequest
from tests.conftest import run_tasks
from tests.membership.conftest import submit

pytestmark = pytest.mark.django_db(transaction=True)

NEW_PASSWORD = "caring-neighbours-2026"


def invitation_path(sam, request) -> str:
    services.join_request_approve(request=request, steward=sam)
    run_tasks()
    line = next(line for line in mail.outbox[-1].body.splitlines() if "/join/invitation/" in line)
    return line.strip().replace("http://127.0.0.1:8000", "")


def accept(client, path, name="Olivia Chen", password=NEW_PASSWORD):
    page = client.get(path, follow=True)
    return page, client.post(
        page.redirect_chain[-1][0] if page.redirect_chain else path,
        {"name": name, "password1": password, "password2": password},
    )


def test_an_invitee_becomes_an_active_member_with_a_verified_email(client, sam):
    submit(client, consent_news="on")
    request = JoinRequest.objects.get()
    path = invitation_path(sam, request)
    page, response = accept(client, path, name="Olivia C.")
    assert page.redirect_chain == [("/en/join/invitation/", 302)]
    assert "olivia@example.org" in page.text
    assert response.url == "/en/join/profile/"
    olivia = User.objects.get(email="olivia@example.org")
    assert (olivia.name, olivia.role, olivia.is_active) == ("Olivia C.", "member", True)
    assert EmailAddress.objects.get(user=olivia).verified
    assert set(Consent.objects.filter(user=olivia).values_list("kind", "given")) == {
        ("contact", True),
        ("news", True),
    }
    assert Invitation.objects.get().used_at is not None
    assert "_auth_user_id" in client.session


def test_the_profile_step_is_prefilled_from_the_request_then_welcomes(client, sam):
    submit(client)
    path = invitation_path(sam, JoinRequest.objects.get())
    accept(client, path)
    profile_page = client.get("/en/join/profile/")
    form = profile_page.context["form"]
    assert form["organization"].value() == "Kingston Compassionate City"
    assert form["province"].value() == "ON"
    assert form["initiative"].value() == "A grief café at the public library, twice a month."
    response = client.post(
        "/en/join/profile/",
        {
            "organization": "Kingston Compassionate City",
            "province": "ON",
            "language": "fr",
            "initiative": "Café deuil",
            "goals": "Apprendre",
            "in_directory": "yes",
        },
    )
    assert response.url == "/fr/join/welcome/"
    welcome = client.get(response.url)
    assert welcome.status_code == 200
    olivia = User.objects.get(email="olivia@example.org")
    assert olivia.language == "fr"
    assert olivia.profile.completed_at is not None
    assert olivia.profile.in_directory is True


def test_a_weak_password_is_refused_with_the_reason(client, sam):
    submit(client)
    path = invitation_path(sam, JoinRequest.objects.get())
    _page, response = accept(client, path, password="password")
    assert response.status_code == 200
    assert "This password is too common." in response.text
    assert not User.objects.filter(email="olivia@example.org").exists()


def test_an_invitation_works_only_once(client, sam):
    submit(client)
    path = invitation_path(sam, JoinRequest.objects.get())
    accept(client, path)
    client.logout()
    again = client.get(path, follow=True)
    assert "This invitation has already been used" in again.text
    assert User.objects.count() == 2  # sam and olivia


def test_an_expired_invitation_offers_to_ask_for_a_new_one(client, sam, olivia_request):
    path = invitation_path(sam, olivia_request)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    page = client.get(path, follow=True)
    assert "This invitation has expired" in page.text
    asked = client.post("/en/join/invitation/renew/")
    assert "We let the stewards know" in asked.text
    olivia_request.refresh_from_db()
    assert olivia_request.new_invitation_wanted_at is not None
    assert olivia_request.events.last().kind == "new_invitation_wanted"


def test_an_unknown_invitation_link_gets_a_friendly_page_in_french(client):
    page = client.get("/fr/join/invitation/not-a-real-token/", follow=True)
    assert page.status_code == 200
    assert '<html lang="fr">' in page.text
    assert "Demander une nouvelle invitation" in page.text


def test_an_invitation_is_refused_after_its_expiry_even_mid_form(client, sam, olivia_request):
    path = invitation_path(sam, olivia_request)
    client.get(path, follow=True)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(
        "/en/join/invitation/", {"name": "O", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert "This invitation has expired" in response.text
    assert not User.objects.filter(email="olivia@example.org").exists()


def test_tokens_never_appear_in_logs(client, sam, olivia_request, caplog):
    caplog.set_level(logging.DEBUG)
    path = invitation_path(sam, olivia_request)
    token = path.rstrip("/").rsplit("/", 1)[1]
    accept(client, path)
    client.get(path, follow=True)
    assert token not in caplog.text
    assert all(token not in str(record.args) for record in caplog.records)


def test_an_administrator_invites_a_steward_directly(client, ada):
    client.force_login(ada)
    client.post(
        "/en/join/invite/",
        {
            "name": "Nadia Steward",
            "email": "nadia@example.org",
            "language": "en",
            "role": "steward",
        },
    )
    run_tasks()
    path = next(line for line in mail.outbox[-1].body.splitlines() if "/join/invitation/" in line)
    client.logout()
    accept(client, path.strip().replace("http://127.0.0.1:8000", ""), name="Nadia")
    assert User.objects.get(email="nadia@example.org").role == "steward"


def test_a_steward_cannot_invite_directly(client, sam):
    client.force_login(sam)
    assert client.get("/en/join/invite/").status_code == 403
