"""The foundation in a real browser: the public pages, both languages, logging in and out,
password reset by email, the error pages, the keyboard, narrow screens and page editing —
in English and in French, with axe-core on every page visited."""

import re
from http import HTTPStatus

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from commonplace.core.models import Page
from tests.browser.conftest import check_accessibility, click_and_check, log_in_as, visit
from tests.conftest import PASSWORD, run_tasks

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fr"]
OTHER = {"en": "fr", "fr": "en"}
WORDS = {
    "en": {
        "community": "Compassionate Communities Canada",
        "switch": "Français",
        "skip": "Skip to main content",
        "log_in": "Log in",
        "log_out": "Log out",
        "email": "Email",
        "password": "Password",
        "wrong": "This email address and password do not match an account. Check both and try again.",
        "wait": "Please wait 5 minutes before trying again.",
        "welcome": "Welcome back, {name}",
        "forgot": "Forgot your password?",
        "reset": "Send me the link",
        "reset_sent": "If an account uses that address",
        "new_password": "New Password",
        "new_password_again": "New Password (again)",
        "change": "Save the new password",
        "changed": "You can now log in with your new password.",
        "forbidden": "You cannot open this page",
        "not_found": "Page not found",
        "menu": "account menu",
        "menu_links": [
            "My profile",
            "Settings",
            "Consents",
            "My data",
            "Email address",
            "Password",
            "Two-factor authentication",
        ],
        "members": "Members",
        "home": "Home",
        "about": "About",
        "join": "Ask to join",
        "privacy": "Privacy notice",
        "save": "Save the page",
        "saved": "The page was saved in both languages.",
        "correct": "Please correct the following",
        "required": "This field is required.",
    },
    "fr": {
        "community": "Communautés bienveillantes Canada",
        "switch": "English",
        "skip": "Passer au contenu principal",
        "log_in": "Se connecter",
        "log_out": "Se déconnecter",
        "email": "Courriel",
        "password": "Mot de passe",
        "wrong": "Cette adresse courriel et ce mot de passe ne correspondent à aucun compte. Vérifiez-les et réessayez.",
        "wait": "Veuillez patienter 5 minutes avant de réessayer.",
        "welcome": "Bon retour, {name}",
        "forgot": "Mot de passe oublié?",
        "reset": "M'envoyer le lien",
        "reset_sent": "Si un compte utilise cette adresse",
        "new_password": "Nouveau mot de passe",
        "new_password_again": "Nouveau mot de passe (confirmation)",
        "change": "Enregistrer le nouveau mot de passe",
        "changed": "Vous pouvez maintenant vous connecter avec votre nouveau mot de passe.",
        "forbidden": "Vous ne pouvez pas ouvrir cette page",
        "not_found": "Page introuvable",
        "menu": "menu du compte",
        "menu_links": [
            "Mon profil",
            "Réglages",
            "Consentements",
            "Mes données",
            "Adresse courriel",
            "Mot de passe",
            "Authentification à deux facteurs",
        ],
        "members": "Membres",
        "home": "Accueil",
        "about": "À propos",
        "join": "Demander à se joindre",
        "privacy": "Avis de confidentialité",
        "save": "Enregistrer la page",
        "saved": "La page a été enregistrée dans les deux langues.",
        "correct": "Veuillez corriger ce qui suit",
        "required": "Ce champ est obligatoire.",
    },
}


def field(page, label: str):
    """The field with this label, whatever punctuation the language puts after it."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}[\s:*]*$"))


def open_refused(page, path: str, status: int) -> None:
    """Open a page that answers with an error status, and run axe on it.

    Chromium logs the error status of the page itself as a console error; that one message is
    expected here, so it is taken off the list the ``page`` fixture fails on. Any other stays.
    """
    logged = (
        "Failed to load resource: the server responded with a status of "
        f"{status} ({HTTPStatus(status).phrase})"
    )
    with page.expect_console_message(lambda message: message.text == logged):
        response = page.goto(page.base_url + path)
    assert response.status == status
    page.script_problems.remove(f"console error: {logged}")
    check_accessibility(page)


def html_lang(page) -> str:
    return page.locator("html").get_attribute("lang")


def speak(person, language: str):
    person.language = language
    person.save(update_fields=["language"])
    return person


def log_in_through_the_form(page, language: str, email: str, password: str) -> None:
    visit(page, f"/{language}/accounts/login/")
    submit_login(page, language, email, password)


def submit_login(page, language: str, email: str, password: str) -> None:
    """Fill in the login form already on screen and send it."""
    words = WORDS[language]
    field(page, words["email"]).fill(email)
    field(page, words["password"]).fill(password)
    click_and_check(page, page.get_by_role("button", name=words["log_in"], exact=True))


def focused(page) -> dict:
    """What has the keyboard focus, and whether it shows: tag, text, outline and halo."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                tag: element.tagName.toLowerCase(),
                id: element.id,
                text: element.innerText.replace(/\\s+/g, " ").trim(),
                outline: style.outlineStyle,
                shadow: style.boxShadow,
            };
        }"""
    )


def tab_to(page) -> dict:
    page.keyboard.press("Tab")
    now = focused(page)
    assert now["outline"] != "none" or now["shadow"] != "none", f"focus is invisible on {now}"
    return now


# 1. The home page, in both languages, and the language button -------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_reads_the_home_page_in_their_language(page, demo_site, language):
    visit(page, f"/{language}/")
    assert html_lang(page) == language
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["community"]
    assert page.get_by_role("link", name=WORDS[language]["join"]).first.is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_switches_the_home_page_to_the_other_language(page, demo_site, language):
    # The browser asks for English (en-CA) whatever page it is on; the button must still work.
    other = OTHER[language]
    visit(page, f"/{language}/")
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["switch"]))
    assert page.url == f"{page.base_url}/{other}/"
    assert html_lang(page) == other
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[other]["community"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_switching_language_stays_on_the_same_page(page, demo_site, language):
    other = OTHER[language]
    visit(page, f"/{language}/pages/privacy/")
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["privacy"]
    click_and_check(page, page.get_by_role("button", name=WORDS[language]["switch"]))
    assert page.url == f"{page.base_url}/{other}/pages/privacy/"
    assert html_lang(page) == other
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[other]["privacy"]
    # The choice sticks: the address without a language prefix now opens the other language.
    visit(page, "/")
    assert page.url == f"{page.base_url}/{other}/"


# 2. Logging in and out ----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_logs_in_and_out_through_the_forms(page, alice, demo_site, language):
    words = WORDS[language]
    speak(alice, language)
    visit(page, f"/{language}/")
    click_and_check(page, page.get_by_role("link", name=words["log_in"], exact=True))
    field(page, words["email"]).fill("alice@example.org")
    field(page, words["password"]).fill(PASSWORD)
    click_and_check(page, page.get_by_role("button", name=words["log_in"], exact=True))

    assert page.url == f"{page.base_url}/{language}/"
    assert page.get_by_role("heading", level=1).inner_text() == words["welcome"].format(
        name="Alice Martin"
    )
    page.locator("details.account-menu summary").click()
    click_and_check(page, page.get_by_role("button", name=words["log_out"]))

    assert page.url == f"{page.base_url}/{language}/"
    assert html_lang(page) == language
    assert page.get_by_role("heading", level=1).inner_text() == words["community"]
    assert page.locator("details.account-menu").count() == 0
    assert page.get_by_role("link", name=words["log_in"], exact=True).is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wrong_password_and_an_unknown_email_get_the_same_message(
    page, alice, demo_site, language
):
    words = WORDS[language]
    messages = []
    visit(page, f"/{language}/accounts/login/")
    for email, password in [
        ("alice@example.org", "not-her-password"),
        ("nobody@example.org", PASSWORD),
    ]:
        submit_login(page, language, email, password)
        assert page.url.endswith(f"/{language}/accounts/login/")
        summary = page.locator(".error-summary")
        assert summary.is_visible()
        messages.append(summary.locator("li").all_inner_texts())
        assert page.locator("#id_login").input_value() == email  # what was typed stays
    assert messages[0] == messages[1] == [words["wrong"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_five_failures_the_form_says_how_many_minutes_to_wait(
    page, alice, demo_site, language
):
    words = WORDS[language]
    visit(page, f"/{language}/accounts/login/")
    for _attempt in range(5):
        submit_login(page, language, "alice@example.org", "not-her-password")
        assert words["wrong"] in page.locator(".error-summary").inner_text()
    # Even the right password is refused now, and the form says for how long.
    submit_login(page, language, "alice@example.org", PASSWORD)
    assert page.url.endswith(f"/{language}/accounts/login/")
    assert words["wait"] in page.locator(".error-summary").inner_text()


# 3. Password reset through the emailed link -------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_resets_a_forgotten_password_through_the_emailed_link(
    page, alice, demo_site, language
):
    words = WORDS[language]
    speak(alice, language)
    visit(page, f"/{language}/accounts/login/")
    click_and_check(page, page.get_by_role("link", name=words["forgot"]))
    field(page, words["email"]).fill("alice@example.org")
    click_and_check(page, page.get_by_role("button", name=words["reset"]))
    assert words["reset_sent"] in page.locator("main").inner_text()

    run_tasks()
    [message] = mail.outbox
    assert message.to == ["alice@example.org"]
    link = re.search(r"http://\S+/accounts/password/reset/key/\S+", message.body).group(0)
    assert f"/{language}/accounts/" in link

    page.goto(link)  # the key page stores the key and redirects to the form
    check_accessibility(page)
    field(page, words["new_password"]).fill("lanterns-by-the-river-7")
    field(page, words["new_password_again"]).fill("lanterns-by-the-river-7")
    click_and_check(page, page.get_by_role("button", name=words["change"]))
    assert words["changed"] in page.locator("main").inner_text()

    log_in_through_the_form(page, language, "alice@example.org", "lanterns-by-the-river-7")
    assert page.url == f"{page.base_url}/{language}/"
    assert page.get_by_role("heading", level=1).inner_text() == words["welcome"].format(
        name="Alice Martin"
    )


# 4. The error pages -------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_opening_a_steward_page_sees_a_plain_403(page, alice, demo_site, language):
    log_in_as(page, speak(alice, language))
    open_refused(page, f"/{language}/site/", 403)
    assert html_lang(page) == language
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["forbidden"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_a_plain_404(page, demo_site, language):
    open_refused(page, f"/{language}/nothing-lives-here/", 404)
    assert html_lang(page) == language
    assert page.get_by_role("heading", level=1).inner_text() == WORDS[language]["not_found"]


# 5. The keyboard ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_header_works_with_the_keyboard_alone(page, alice, demo_site, language):
    words = WORDS[language]
    log_in_as(page, speak(alice, language))
    visit(page, f"/{language}/")

    skip = tab_to(page)
    assert skip["text"] == words["skip"]
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0  # on screen once focused
    assert box["height"] > 0
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"

    with translation.override(language):
        bell = gettext("Notifications, none unread")
        conversations = gettext("Conversations")
        private_messages = gettext("Messages")
        library = gettext("Library")
        search = gettext("Search")
        menu_links = [*words["menu_links"][:2], gettext("Notification emails")]
        menu_links += words["menu_links"][2:]
    visit(page, f"/{language}/")
    # Members also see "Members", "Conversations", "Library", "Search", "Messages" and the bell.
    order = [tab_to(page)["text"] for _ in range(12)]
    assert order == [
        words["skip"],
        words["community"],
        words["home"],
        words["about"],
        words["members"],
        conversations,
        library,
        search,
        private_messages,
        words["switch"],
        bell,
        f"Alice Martin — {words['menu']}",
    ]
    assert focused(page)["tag"] == "summary"

    menu = page.locator("details.account-menu")
    page.keyboard.press("Enter")
    assert menu.get_attribute("open") is not None
    check_accessibility(page)
    in_menu = [tab_to(page)["text"] for _ in range(len(menu_links) + 1)]
    assert in_menu == [*menu_links, words["log_out"]]

    page.keyboard.press("Escape")  # closes the menu and returns to its toggle
    assert menu.get_attribute("open") is None
    assert focused(page)["tag"] == "summary"
    page.keyboard.press("Space")
    assert menu.get_attribute("open") is not None
    assert tab_to(page)["text"] == menu_links[0]


# 6. Narrow screens --------------------------------------------------------------------------


def assert_no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} is {width}px wide at 320px"


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_scrolls_sideways_at_320_pixels(page, sam, demo_site, language):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in ["/", "/accounts/login/"]:
        visit(page, f"/{language}{path}")
        assert_no_sideways_scroll(page)
    open_refused(page, f"/{language}/nothing-lives-here/", 404)
    assert_no_sideways_scroll(page)
    log_in_as(page, speak(sam, language))
    for path in ["/site/", "/pages/privacy/edit/"]:
        visit(page, f"/{language}{path}")
        assert_no_sideways_scroll(page)


# 7. The accessibility check itself ----------------------------------------------------------


def test_the_accessibility_check_fails_on_an_image_without_alt_text(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><img src="data:image/gif;base64,'
        'R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="></main></body></html>'
    )
    with pytest.raises(AssertionError, match="image-alt"):
        check_accessibility(page)


# 8. Editing a page --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_steward_edits_a_page_and_reads_the_new_text(page, sam, demo_site, language):
    words = WORDS[language]
    log_in_as(page, speak(sam, language))
    visit(page, f"/{language}/pages/privacy/edit/")
    # Screen readers read the form in the page's language, and each field in its own.
    legend_language = page.locator("main legend").first.evaluate("e => e.closest('[lang]').lang")
    assert legend_language == language
    assert page.locator("#id_body_en").get_attribute("lang") == "en"
    assert page.locator("#id_body_fr").get_attribute("lang") == "fr"
    body = page.locator(f"#id_body_{language}")
    body.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("We keep **only** what the community needs.\n\nNothing else.")
    page.locator(f"#id_title_{language}").fill(f"{words['privacy']} (2026)")
    click_and_check(page, page.get_by_role("button", name=words["save"]))

    assert page.url == f"{page.base_url}/{language}/pages/privacy/"
    assert page.get_by_role("status").inner_text() == words["saved"]
    assert page.get_by_role("heading", level=1).inner_text() == f"{words['privacy']} (2026)"
    assert page.locator("main strong", has_text="only").is_visible()
    assert "Nothing else." in page.locator("main").inner_text()
    privacy = Page.objects.get(slug="privacy")
    assert getattr(privacy, f"body_{language}").startswith("We keep **only**")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_without_an_english_title_is_explained_and_keeps_the_text(
    page, sam, demo_site, language
):
    words = WORDS[language]
    log_in_as(page, speak(sam, language))
    visit(page, f"/{language}/pages/privacy/edit/")
    page.locator("#id_title_en").fill("")
    page.locator("#id_body_en").fill("A new text, still unsaved.")
    click_and_check(page, page.get_by_role("button", name=words["save"]))

    assert page.url == f"{page.base_url}/{language}/pages/privacy/edit/"
    # At the top, before the form, with the focus so that it is read out first.
    summary = page.locator(".error-summary")
    assert summary.get_by_role("heading").inner_text() == words["correct"]
    assert words["required"] in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.evaluate(
        "document.querySelector('.error-summary').compareDocumentPosition("
        "document.querySelector('main form')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    # Next to the field: the message, tied to the field for screen readers.
    title = page.locator("#id_title_en")
    assert page.locator("#id_title_en_error").inner_text() == words["required"]
    assert "id_title_en_error" in (title.get_attribute("aria-describedby") or "")
    assert title.get_attribute("aria-invalid") == "true"
    # What was typed is still there, and nothing was saved.
    assert page.locator("#id_body_en").input_value() == "A new text, still unsaved."
    assert page.locator("#id_title_fr").input_value() == WORDS["fr"]["privacy"]
    assert Page.objects.get(slug="privacy").title_en == "Privacy notice"
    # The summary's link takes the keyboard to the field.
    summary.get_by_role("link").press("Enter")
    assert focused(page)["id"] == "id_title_en"
