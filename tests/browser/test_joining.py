"""The front door in a real browser: apply, review, onboard — in English and in French, with
axe-core on every page, and the emails received over real SMTP."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from commonplace.accounts.models import User
from commonplace.membership.models import Invitation, JoinRequest
from tests.browser.conftest import check_accessibility, click_and_check, log_in_as, visit
from tests.conftest import run_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "join": "Ask to join",
        "send": "Send my request",
        "thanks": "Thank you, we will be in touch",
        "ack_subject": "We received your request to join",
        "approve": "Approve and send an invitation",
        "create": "Create my account",
        "save": "Save and continue",
        "list_me": "Yes, list me",
        "choose_listing": "Please choose whether to be listed.",
        "welcome": "Welcome, Olivia Chen!",
        "decline": "Decline",
        "decline_button": "Decline the request",
        "ask": "Ask for more information",
        "ask_button": "Send the question",
        "answer_button": "Send my answer",
        "answered": "Thank you for your answer",
        "expired": "This invitation no longer works",
        "renew": "Ask the stewards for a new invitation",
        "renewed": "We let the stewards know",
        "consent": "I agree that the stewards may contact me",
        "name": "Your name",
        "email": "Your email",
        "password": "Choose a password",
        "password2": "Type the password again",
        "answer": "Your answer",
    },
    "fr": {
        "join": "Demander à se joindre",
        "send": "Envoyer ma demande",
        "thanks": "Merci, nous vous écrirons bientôt",
        "ack_subject": "Nous avons bien reçu votre demande d'adhésion",
        "approve": "Accepter et envoyer une invitation",
        "create": "Créer mon compte",
        "save": "Enregistrer et continuer",
        "list_me": "Oui, inscrivez-moi",
        "choose_listing": "Veuillez indiquer si vous voulez figurer au répertoire.",
        "welcome": "Bienvenue, Olivia Chen!",
        "decline": "Refuser",
        "decline_button": "Refuser la demande",
        "ask": "Demander des précisions",
        "ask_button": "Envoyer la question",
        "answer_button": "Envoyer ma réponse",
        "answered": "Merci de votre réponse",
        "expired": "Cette invitation ne fonctionne plus",
        "renew": "Demander une nouvelle invitation à l'intendance",
        "renewed": "Nous avons prévenu l'intendance",
        "consent": "J'accepte que l'intendance me contacte",
        "name": "Votre nom",
        "email": "Votre courriel",
        "password": "Choisissez un mot de passe",
        "password2": "Saisissez de nouveau le mot de passe",
        "answer": "Votre réponse",
    },
}
LANGUAGES = ["en", "fr"]


@pytest.fixture(autouse=True)
def _quick_form_and_real_links(settings, live_server):
    settings.JOIN_FORM_MIN_SECONDS = 0
    settings.SITE_URL = live_server.url  # links in emails point at the server under test


def apply(page, language: str) -> None:
    words = WORDS[language]
    visit(page, f"/{language}/")
    click_and_check(page, page.get_by_role("link", name=words["join"]).first)
    page.get_by_label(words["name"]).fill("Olivia Chen")
    page.get_by_label(words["email"]).fill("olivia@example.org")
    page.locator("#id_organization").fill("Kingston Compassionate City")
    page.locator("#id_initiative").fill("A grief café at the library.")
    page.get_by_label(words["consent"]).check()
    page.get_by_role("button", name=words["send"]).click()
    page.wait_for_url(f"**/{language}/join/thanks/")
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == words["thanks"]


def emailed_link(smtp, marker: str) -> str:
    run_tasks()
    body = smtp.messages[-1][2].get_content()
    return re.search(rf"http://\S+{re.escape(marker)}\S+", body).group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_applies_and_receives_the_acknowledgement_over_smtp(
    page, smtp, demo_site, language
):
    smtp.start()
    apply(page, language)
    run_tasks()
    [(_sender, recipients, message)] = smtp.messages
    assert recipients == ["olivia@example.org"]
    assert WORDS[language]["ack_subject"] in message["Subject"]
    assert JoinRequest.objects.get().language == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_with_mistakes_is_explained_and_keeps_what_was_typed(page, demo_site, language):
    visit(page, f"/{language}/join/")
    page.get_by_label(WORDS[language]["name"]).fill("Olivia Chen")
    page.get_by_label(WORDS[language]["email"]).fill("not-an-email")
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["send"]))
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.get_by_label(WORDS[language]["name"]).input_value() == "Olivia Chen"
    assert page.get_by_label(WORDS[language]["email"]).input_value() == "not-an-email"
    assert page.locator("#id_email_error").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_steward_approves_and_the_invitee_joins_and_is_welcomed(
    page, browser, smtp, sam, demo_site, language
):
    smtp.start()
    apply(page, language)
    page.context.clear_cookies()

    sam.language = language
    sam.save()
    log_in_as(page, sam)
    visit(page, f"/{language}/join/requests/")
    click_and_check(page, page.get_by_role("link", name="Olivia Chen"))
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["approve"]))
    assert JoinRequest.objects.get().status == "approved"

    link = emailed_link(smtp, "/join/invitation/")
    assert f"/{language}/join/invitation/" in link
    invitee = browser.new_context(locale="fr-CA" if language == "fr" else "en-CA")
    try:
        newcomer = invitee.new_page()
        newcomer.base_url = page.base_url
        newcomer.goto(link)
        check_accessibility(newcomer)
        newcomer.get_by_label(WORDS[language]["password"]).fill("caring-neighbours-2026")
        newcomer.get_by_label(WORDS[language]["password2"]).fill("caring-neighbours-2026")
        newcomer.get_by_role("button", name=WORDS[language]["create"]).click()
        newcomer.wait_for_url(f"**/{language}/join/profile/")
        check_accessibility(newcomer)
        assert newcomer.locator("#id_organization").input_value() == "Kingston Compassionate City"
        # Being listed is a choice nobody makes for them: saving without it asks for it.
        newcomer.get_by_role("button", name=WORDS[language]["save"]).click()
        newcomer.wait_for_load_state()
        assert WORDS[language]["choose_listing"] in newcomer.locator("main").inner_text()
        check_accessibility(newcomer)
        newcomer.get_by_label(WORDS[language]["list_me"]).check()
        newcomer.get_by_role("button", name=WORDS[language]["save"]).click()
        newcomer.wait_for_url(f"**/{language}/join/welcome/")
        check_accessibility(newcomer)
        assert newcomer.get_by_role("heading", level=1).inner_text() == WORDS[language]["welcome"]
    finally:
        invitee.close()
    olivia = User.objects.get(email="olivia@example.org")
    assert olivia.is_active
    assert olivia.language == language
    assert olivia.profile.in_directory


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_steward_declines_with_a_kind_message(page, smtp, sam, olivia_request_in, language):
    smtp.start()
    request = olivia_request_in(language)
    log_in_as(page, sam)
    visit(page, f"/{language}/join/requests/{request.pk}/")
    page.get_by_text(WORDS[language]["decline"], exact=True).click()  # opens the disclosure
    check_accessibility(page)
    message = page.locator("textarea[name=message]").nth(1)
    assert message.input_value()  # the template, in the applicant's language
    message.fill("Merci — not for now.")
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["decline_button"]))
    request.refresh_from_db()
    assert request.status == "declined"
    run_tasks()
    assert "Merci — not for now." in smtp.messages[-1][2].get_content()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_more_information_path_brings_the_answer_back_to_the_queue(
    page, browser, smtp, sam, olivia_request_in, language
):
    smtp.start()
    request = olivia_request_in(language)
    log_in_as(page, sam)
    visit(page, f"/{language}/join/requests/{request.pk}/")
    page.get_by_text(WORDS[language]["ask"], exact=True).click()
    page.locator("textarea[name=message]").first.fill("Where does the café meet?")
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["ask_button"]))
    link = emailed_link(smtp, "/join/answer/")

    applicant = browser.new_context()
    try:
        visitor = applicant.new_page()
        visitor.goto(link)
        check_accessibility(visitor)
        assert "Where does the café meet?" in visitor.content()
        visitor.get_by_label(WORDS[language]["answer"]).fill(
            "At the Kingston library, on Tuesdays."
        )
        click_and_check(
            visitor, visitor.get_by_role("button", name=WORDS[language]["answer_button"])
        )
        assert visitor.get_by_role("heading", level=1).inner_text() == WORDS[language]["answered"]
    finally:
        applicant.close()
    request.refresh_from_db()
    assert request.status == "new"
    visit(page, f"/{language}/join/requests/{request.pk}/")
    assert "At the Kingston library, on Tuesdays." in page.content()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_expired_invitation_offers_a_new_one(page, smtp, sam, olivia_request_in, language):
    smtp.start()
    from commonplace.membership import services

    request = olivia_request_in(language)
    services.join_request_approve(request=request, steward=sam)
    link = emailed_link(smtp, "/join/invitation/")
    Invitation.objects.update(expires_at=timezone.now() - timedelta(hours=1))
    page.goto(link)
    check_accessibility(page)
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["expired"]
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["renew"]))
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["renewed"]
    request.refresh_from_db()
    assert request.new_invitation_wanted_at is not None


@pytest.fixture
def olivia_request_in(db):
    def make(language: str) -> JoinRequest:
        return JoinRequest.objects.create(
            name="Olivia Chen",
            email="olivia@example.org",
            organization="Kingston Compassionate City",
            initiative="A grief café.",
            language=language,
            province="ON",
        )

    return make
