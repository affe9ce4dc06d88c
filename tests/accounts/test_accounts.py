"""Accounts: email login, roles, no open sign-up, throttling, deactivation, remembered language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from commonplace.accounts.models import Role
from commonplace.accounts.permissions import is_administrator, is_steward
from tests.conftest import PASSWORD, run_tasks

pytestmark = pytest.mark.django_db

User = get_user_model()


def log_in(client, email, password, language="en"):
    return client.post(
        f"/{language}/accounts/login/", {"login": email, "password": password}, follow=True
    )


def test_a_member_logs_in_with_their_email_whatever_its_case(client, alice):
    response = log_in(client, "Alice@Example.ORG", PASSWORD)
    assert response.context["user"] == alice


@pytest.mark.parametrize(
    ("language", "label"),
    [("en", "Keep me logged in on this device"), ("fr", "Rester connecté sur cet appareil")],
)
def test_the_login_form_asks_to_stay_logged_in_in_our_words(client, language, label):
    page = client.get(f"/{language}/accounts/login/").content.decode()
    assert label in page
    assert "Remember Me" not in page


def test_an_unknown_email_and_a_wrong_password_get_the_same_message(client, alice):
    unknown = log_in(client, "nobody@example.org", PASSWORD)
    wrong = log_in(client, "alice@example.org", "not-the-password")
    assert unknown.context["form"].errors == wrong.context["form"].errors
    assert not unknown.context["user"].is_authenticated


def test_repeated_failures_are_throttled_with_a_time_to_wait(client, alice, settings):
    for _ in range(settings.LOGIN_ATTEMPTS_LIMIT):
        log_in(client, "alice@example.org", "wrong")
    response = log_in(client, "alice@example.org", PASSWORD)
    assert not response.context["user"].is_authenticated
    errors = " ".join(response.context["form"].non_field_errors())
    assert re.search(r"wait [45] minutes", errors), errors


def test_the_throttle_message_is_in_french_on_the_french_page(client, alice, settings):
    for _ in range(settings.LOGIN_ATTEMPTS_LIMIT):
        log_in(client, "alice@example.org", "wrong", "fr")
    response = log_in(client, "alice@example.org", PASSWORD, "fr")
    errors = " ".join(response.context["form"].non_field_errors())
    assert re.search(r"Veuillez patienter [45] minutes", errors), errors


def test_there_is_no_open_sign_up(client):
    response = client.post(
        reverse("account_signup"), {"email": "new@example.org", "password1": "x" * 20}
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="new@example.org").exists()
    assert "Joining is by request" in response.text


def test_createsuperuser_makes_an_administrator(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-admin-passphrase")
    call_command("createsuperuser", "--email", "root@example.org", "--no-input", verbosity=0)
    admin = User.objects.get(email="root@example.org")
    assert admin.role == Role.ADMINISTRATOR
    assert is_administrator(admin)
    assert is_steward(admin)
    assert admin.is_staff
    assert admin.is_superuser


def test_roles_decide_standing(alice, sam, ada):
    assert [is_steward(p) for p in (alice, sam, ada)] == [False, True, True]
    assert [is_administrator(p) for p in (alice, sam, ada)] == [False, False, True]


def test_real_passwords_are_hashed_with_argon2(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    person = User.objects.create_user("hashed@example.org", "a-long-passphrase-1")
    assert person.password.startswith("argon2$")
    from commonplace import settings as project_settings

    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_a_deactivated_member_sees_a_clear_403_in_their_language(client, benoit):
    client.force_login(benoit)
    benoit.is_active = False
    benoit.save()
    response = client.get("/fr/site/")
    assert response.status_code == 403
    assert "Ce compte est désactivé" in response.text
    assert client.get("/en/audit/").status_code == 403


def test_a_deactivated_member_cannot_log_in_again(client, alice):
    alice.is_active = False
    alice.save()
    response = client.post(
        "/en/accounts/login/", {"login": "alice@example.org", "password": PASSWORD}
    )
    assert response.status_code == 403
    assert "This account is deactivated" in response.text
    assert "_auth_user_id" not in client.session


def test_a_deactivated_member_can_still_read_public_pages(client, alice, demo_site):
    client.force_login(alice)
    alice.is_active = False
    alice.save()
    assert client.get("/en/about/").status_code == 200


def test_the_first_visit_follows_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert response.url == "/fr/"


def test_a_members_language_choice_is_remembered_on_their_account(client, alice):
    client.force_login(alice)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/en/about/"})
    assert response.url == "/fr/about/"
    alice.refresh_from_db()
    assert alice.language == "fr"


def test_after_login_a_member_lands_in_their_own_language(client, benoit):
    response = client.post(
        "/en/accounts/login/", {"login": "benoit@example.org", "password": PASSWORD}
    )
    assert response.url.startswith("/fr/")
    assert response.cookies["commonplace_language"].value == "fr"


@pytest.mark.django_db(transaction=True)
def test_the_password_reset_email_is_written_in_the_members_language(client, benoit):
    client.post("/en/accounts/password/reset/", {"email": "benoit@example.org"})
    run_tasks()
    [message] = mail.outbox
    assert message.to == ["benoit@example.org"]
    assert "/fr/accounts/password/reset/key/" in message.body
    assert "mot de passe" in message.body
