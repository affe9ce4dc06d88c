"""People in a real browser: a profile with a photo, finding members in the directory and in
"who knows what", withdrawing consent, downloading one's data and deleting one's account — in
English and in French, with axe-core on every page visited."""

import json
import re
import zipfile

import pytest
from PIL import Image
from playwright.sync_api import expect

from commonplace.accounts.models import Consent, User
from commonplace.core.models import FocusArea
from commonplace.people.models import Contribution, Profile
from commonplace.people.services import contribution_record
from tests.browser.conftest import check_accessibility, click_and_check, log_in_as, visit
from tests.conftest import PASSWORD, run_tasks
from tests.people.conftest import listed_member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "fr"]
WORDS = {
    "en": {
        "photo": "Choose a photo",
        "upload": "Upload the photo",
        "photo_thanks": "Your photo will appear in a moment",
        "photo_preparing": "Your new photo is being prepared.",
        "current_photo": "Your current photo",
        "who_sees": "Who sees this",
        "only_me": "Only me",
        "members": "Members",
        "pronouns": "Pronouns",
        "organization": "Organization or group",
        "role": "Role or title",
        "province": "Province or territory",
        "city": "Community or city",
        "works_on_group": "Focus areas I work on",
        "save_profile": "Save my profile",
        "profile_saved": "Your profile was saved.",
        "caregiver": "Caregiver support",
        "grief": "Grief and bereavement",
        "british_columbia": "British Columbia",
        "quebec": "Quebec",
        "works_on": "Works on",
        "show": "Show",
        "one_member": "1 member",
        "ask_who": "Ask who can help with something",
        "focus_area": "A focus area",
        "who_can_help": "Who can help?",
        "asked": "Who can help with “Caregiver support”",
        "answers": "3 accepted answers",
        "can_help": "can help with Caregiver support",
        "directory_consent": "Appearing in the member directory",
        "withdraw": "Withdraw my consent",
        "withdrawn": "You are no longer listed in the directory.",
        "prepare": "Prepare my data",
        "preparing": "Your copy is being prepared.",
        "download": "Download my data",
        "password": "Your password",
        "confirm": "I understand that my account cannot be recovered",
        "delete": "Delete my account for good",
        "not_password": "This is not your current password.",
        "deleted": "Your account is deleted",
        "log_in": "Log in",
        "wrong_login": "This email address and password do not match an account.",
    },
    "fr": {
        "photo": "Choisir une photo",
        "upload": "Téléverser la photo",
        "photo_thanks": "Votre photo apparaîtra dans un instant",
        "photo_preparing": "Votre nouvelle photo est en préparation.",
        "current_photo": "Votre photo actuelle",
        "who_sees": "Qui voit ceci",
        "only_me": "Moi seulement",
        "members": "Membres",
        "pronouns": "Pronoms",
        "organization": "Organisme ou groupe",
        "role": "Rôle ou titre",
        "province": "Province ou territoire",
        "city": "Communauté ou ville",
        "works_on_group": "Domaines d'action dans lesquels je travaille",
        "save_profile": "Enregistrer mon profil",
        "profile_saved": "Votre profil a été enregistré.",
        "caregiver": "Soutien aux proches aidants",
        "grief": "Deuil",
        "british_columbia": "Colombie-Britannique",
        "quebec": "Québec",
        "works_on": "Travaille sur",
        "show": "Afficher",
        "one_member": "1 membre",
        "ask_who": "Demander qui peut aider pour quelque chose",
        "focus_area": "Un domaine d'action",
        "who_can_help": "Qui peut aider?",
        "asked": "Qui peut aider pour « Soutien aux proches aidants »",
        "answers": "3 réponses retenues",
        "can_help": "peut aider pour : Soutien aux proches aidants",
        "directory_consent": "Figurer dans le répertoire des membres",
        "withdraw": "Retirer mon consentement",
        "withdrawn": "Vous ne figurez plus au répertoire.",
        "prepare": "Préparer mes données",
        "preparing": "Votre copie est en préparation.",
        "download": "Télécharger mes données",
        "password": "Votre mot de passe",
        "confirm": "Je comprends que mon compte ne pourra pas être récupéré",
        "delete": "Supprimer définitivement mon compte",
        "not_password": "Ce n'est pas votre mot de passe actuel.",
        "deleted": "Votre compte est supprimé",
        "log_in": "Se connecter",
        "wrong_login": "Cette adresse courriel et ce mot de passe ne correspondent à aucun compte.",
    },
}


@pytest.fixture
def areas(demo_site):
    return {area.slug: area for area in FocusArea.objects.all()}


@pytest.fixture
def community(areas):
    """Listed members in two provinces, one who is not listed, and one known only by evidence."""
    caregiver = areas["caregiver-support"]
    people = {
        "grace": listed_member(
            "grace@example.org", name="Grace Kowalski", province="BC", city="Comox",
            organization="Comox Valley Hospice", works_on=[caregiver], can_help=[caregiver],
        ),
        "hugo": listed_member(
            "hugo@example.org", name="Hugo Bélanger", province="BC", city="Victoria",
            works_on=[areas["grief-bereavement"]],
        ),
        "marie": listed_member(
            "marie@example.org", name="Marie-Ève Lavoie", province="QC", city="Sherbrooke",
            works_on=[caregiver, areas["municipal-charters"]],
        ),
        "unlisted": listed_member(
            "unlisted@example.org", name="Not Listed", province="BC", listed=False,
            works_on=[caregiver], can_help=[caregiver],
        ),
        "nathalie": listed_member("nathalie@example.org", name="Nathalie Gagné"),
    }  # fmt: skip
    for number in range(3):
        contribution_record(
            member=people["nathalie"],
            kind=Contribution.Kind.ACCEPTED_ANSWER,
            title=f"How we support caregivers, part {number}",
            focus_areas=[caregiver],
            source="test",
            source_id=str(number),
        )
    return people


def speak(person, language: str):
    """Members land in their own language, so the persona speaks the language under test."""
    person.language = language
    person.save(update_fields=["language"])
    return person


def member_of(language: str, email: str = "alice@example.org", name: str = "Alice Martin"):
    return speak(listed_member(email, name=name), language)


def names_listed(page) -> list[str]:
    return page.locator("#results .person-name a").all_inner_texts()


def png_photo(tmp_path) -> str:
    path = tmp_path / "me.png"
    Image.new("RGB", (600, 400), (180, 110, 60)).save(path, format="PNG")
    return str(path)


def wait_for_results(page, action) -> None:
    """Do something that makes htmx fetch new results, and wait until they are on the page."""
    with page.expect_response(lambda response: response.request.headers.get("hx-request")):
        action()
    page.wait_for_function("() => !document.querySelector('#results.htmx-request, .htmx-swapping')")


def field(page, label: str):
    """The form field with this label, which Django ends with ":" (" :" in French)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}\s?:?$"))


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def assert_no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    # Name the elements that stick out, so a failure says what to fix.
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > 320)
            .slice(0, 5)
            .map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""
    )
    assert width <= 320, f"{page.url} is {width}px wide at 320px: {wide}"


# 1. A profile with a photo ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_edits_their_profile_with_a_photo_and_sees_it(page, areas, tmp_path, language):
    words = WORDS[language]
    alice = member_of(language)
    log_in_as(page, alice)
    visit(page, f"/{language}/people/me/profile/")

    field(page, words["photo"]).set_input_files(png_photo(tmp_path))
    click_and_check(page, page.get_by_role("button", name=words["upload"]))
    assert words["photo_thanks"] in page.get_by_role("status").inner_text()
    assert page.get_by_text(words["photo_preparing"]).is_visible()

    run_tasks()  # the worker checks, squares and resizes the photo
    page.reload()
    check_accessibility(page)
    photo = page.get_by_role("img", name=words["current_photo"])
    assert photo.get_attribute("src") == f"/{language}/people/{alice.pk}/photo/"
    assert photo.evaluate("image => image.decode().then(() => image.naturalWidth)") >= 160

    field(page, words["pronouns"]).fill("she/her")
    field(page, words["organization"]).fill("Ottawa Hospice Services")
    organization_row = page.locator(".profile-row", has=page.locator("#id_organization"))
    organization_row.get_by_label(words["who_sees"]).select_option(label=words["only_me"])
    role = field(page, words["role"])
    role.click()
    page.keyboard.type("Volunteer lead")
    page.keyboard.press("Tab")  # on to the role's own "who sees this"
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_province"
    field(page, words["province"]).select_option(label=words["quebec"])
    field(page, words["city"]).fill("Sherbrooke")
    page.get_by_role("group", name=words["works_on_group"]).get_by_label(words["grief"]).check()
    click_and_check(page, page.get_by_role("button", name=words["save_profile"]))

    assert page.url == f"{page.base_url}/{language}/people/{alice.pk}/"
    assert page.get_by_role("status").inner_text() == words["profile_saved"]
    main = page.locator("main").inner_text()
    for shown in [
        "(she/her)",
        "Volunteer lead, Ottawa Hospice Services",
        "Sherbrooke",
        words["grief"],
    ]:
        assert shown in main
    assert (
        page.locator(".member-header img.avatar").evaluate(
            "image => image.decode().then(() => image.naturalWidth)"
        )
        >= 160
    )
    profile = Profile.objects.get(user=alice)
    assert profile.visibility_of("organization") == "nobody"
    assert profile.province == "QC"

    # Other members see the photo and the changes, but not what Alice keeps to herself.
    page.context.clear_cookies()
    log_in_as(page, member_of(language, "bob@example.org", "Bob Nguyen"))
    visit(page, f"/{language}/people/{alice.pk}/")
    main = page.locator("main").inner_text()
    assert "Volunteer lead" in main
    assert "Sherbrooke" in main
    assert "Ottawa Hospice Services" not in main
    assert (
        page.locator(".member-header img.avatar").evaluate(
            "image => image.decode().then(() => image.naturalWidth)"
        )
        >= 160
    )


# 2. Finding members in the directory --------------------------------------------------------


@pytest.fixture
def page_without_javascript(page):
    """The site's own scripts arrive empty, so the page works as it would with JavaScript off.

    Turning JavaScript off in the browser would also stop axe-core, which runs in the page.
    """
    page.route(
        re.compile(r"/static/.*\.js(\?.*)?$"),
        lambda route: route.fulfill(body="", content_type="text/javascript"),
    )
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_finds_someone_by_focus_area_and_province_without_javascript(
    page_without_javascript, areas, community, language
):
    words = WORDS[language]
    page = page_without_javascript
    log_in_as(page, member_of(language))
    visit(page, f"/{language}/people/")
    assert page.evaluate("typeof window.htmx") == "undefined"
    assert set(names_listed(page)) >= {"Grace Kowalski", "Hugo Bélanger", "Marie-Ève Lavoie"}

    page.get_by_role("combobox", name=words["province"]).select_option(
        label=words["british_columbia"]
    )
    page.get_by_role("combobox", name=words["works_on"]).select_option(label=words["caregiver"])
    click_and_check(page, page.get_by_role("button", name=words["show"], exact=True))

    assert "province=BC" in page.url
    assert "area=caregiver-support" in page.url
    assert names_listed(page) == ["Grace Kowalski"]
    assert page.locator(".result-count").inner_text() == words["one_member"]
    # The filters stay chosen, so the next change starts from here.
    assert page.get_by_role("combobox", name=words["province"]).input_value() == "BC"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_directory_filters_work_from_the_keyboard_and_update_in_place(
    page, areas, community, language
):
    words = WORDS[language]
    log_in_as(page, member_of(language))
    visit(page, f"/{language}/people/")
    page.evaluate("window.stayedOnThePage = true")

    for _press in range(40):  # from the top of the page to the first filter
        page.keyboard.press("Tab")
        if focused_id(page) == "id_q":
            break
    assert focused_id(page) == "id_q"
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_province"
    # Typing a name into a select changes it at each letter, so several requests may go out;
    # expect() waits for the last one to land.
    page.keyboard.type(words["british_columbia"])
    expect(page.locator("#results .person-name a")).to_have_text(
        ["Grace Kowalski", "Hugo Bélanger"]
    )
    expect(page).to_have_url(re.compile(r"[?&]province=BC"))

    page.keyboard.press("Tab")
    assert focused_id(page) == "id_area"
    page.keyboard.type(words["caregiver"])
    expect(page.locator("#results .person-name a")).to_have_text(["Grace Kowalski"])
    expect(page).to_have_url(re.compile(r"[?&]area=caregiver-support"))
    assert re.search(r"[?&]province=BC", page.url)
    # Swapped in place: the same page, and the keyboard is still where it was.
    assert page.evaluate("window.stayedOnThePage") is True
    assert focused_id(page) == "id_area"
    check_accessibility(page)

    # The address in the bar is the filtered directory, for sharing or coming back to.
    visit(page, page.url.removeprefix(page.base_url))
    assert names_listed(page) == ["Grace Kowalski"]


# 3. Who can help? ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_who_knows_finds_people_by_what_they_did_and_by_what_they_declared(
    page, areas, community, language
):
    words = WORDS[language]
    log_in_as(page, member_of(language))
    visit(page, f"/{language}/people/")
    click_and_check(page, page.get_by_role("link", name=words["ask_who"]))
    page.get_by_role("combobox", name=words["focus_area"]).select_option(label=words["caregiver"])
    wait_for_results(page, lambda: page.get_by_role("button", name=words["who_can_help"]).click())
    check_accessibility(page)
    assert "area=caregiver-support" in page.url

    results = page.locator("#results")
    assert results.get_by_role("heading", level=2).inner_text() == words["asked"]
    why = {
        card.locator(".person-name").inner_text(): card.locator(".why").inner_text()
        for card in results.locator("ol > li").all()
    }
    assert why["Nathalie Gagné"] == words["answers"]  # evidence only, nothing declared
    assert words["can_help"] in why["Grace Kowalski"]
    assert "Marie-Ève Lavoie" in why  # works on it
    assert "Hugo Bélanger" not in why
    assert "Not Listed" not in why
    assert next(iter(why)) == "Grace Kowalski"  # declared and working on it ranks first


# 4. Withdrawing consent ---------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_withdrawing_directory_consent_takes_a_member_out_at_once(page, areas, community, language):
    words = WORDS[language]
    grace = speak(community["grace"], language)
    log_in_as(page, grace)
    visit(page, f"/{language}/people/me/consents/")
    directory = page.get_by_role("region", name=words["directory_consent"])
    click_and_check(page, directory.get_by_role("button", name=words["withdraw"]))
    assert page.get_by_role("status").inner_text() == words["withdrawn"]
    consent = Consent.objects.filter(user=grace, kind=Consent.Kind.DIRECTORY).latest("recorded_at")
    assert consent.given is False

    page.context.clear_cookies()
    log_in_as(page, member_of(language))
    visit(page, f"/{language}/people/")
    assert "Grace Kowalski" not in names_listed(page)
    assert "Marie-Ève Lavoie" in names_listed(page)
    visit(page, f"/{language}/people/who-knows/?area=caregiver-support")
    helpers = page.locator("#results .person-name").all_inner_texts()
    assert "Grace Kowalski" not in helpers
    assert "Nathalie Gagné" in helpers


# 5. Downloading one's data ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_downloads_their_data(page, areas, language):
    words = WORDS[language]
    alice = speak(
        listed_member(
            "alice@example.org", name="Alice Martin", organization="Ottawa Hospice Services",
            city="Ottawa", goals="Start a grief café.", visibility={"goals": "nobody"},
        ),
        language,
    )  # fmt: skip
    log_in_as(page, alice)
    visit(page, f"/{language}/people/me/data/")
    click_and_check(page, page.get_by_role("button", name=words["prepare"]))
    assert words["preparing"] in page.locator("main").inner_text()

    run_tasks()  # the worker builds the ZIP
    page.reload()
    check_accessibility(page)
    with page.expect_download() as caught:
        page.get_by_role("link", name=words["download"]).click()
    download = caught.value
    assert download.suggested_filename == "my-data.zip"
    with zipfile.ZipFile(download.path()) as archive:
        data = json.loads(archive.read("my-data.json"))
        assert "my-data.html" in archive.namelist()
    assert data["account"]["email"] == "alice@example.org"
    assert data["account"]["language"] == language
    assert data["profile"]["organization"] == "Ottawa Hospice Services"
    assert data["profile"]["city"] == "Ottawa"
    assert data["profile"]["goals"] == "Start a grief café."  # hidden from others, not from her
    assert data["profile"]["listed_in_directory"] is True


# 6. Deleting one's account ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_deletes_their_account_with_their_password(page, areas, community, language):
    words = WORDS[language]
    alice = member_of(language)
    log_in_as(page, alice)
    visit(page, f"/{language}/people/me/delete/")
    page.get_by_label(words["password"]).fill("not-my-password")
    page.get_by_label(words["confirm"]).check()
    click_and_check(page, page.get_by_role("button", name=words["delete"]))

    assert page.url == f"{page.base_url}/{language}/people/me/delete/"
    assert page.locator("#id_password_error").inner_text() == words["not_password"]
    password = page.get_by_label(words["password"])
    assert password.get_attribute("aria-invalid") == "true"
    assert page.get_by_label(words["confirm"]).is_checked()  # the form keeps what was chosen
    assert User.objects.filter(pk=alice.pk).exists()

    password.fill(PASSWORD)
    click_and_check(page, page.get_by_role("button", name=words["delete"]))
    assert page.url == f"{page.base_url}/{language}/people/deleted/"
    assert page.get_by_role("heading", level=1).inner_text() == words["deleted"]
    assert not User.objects.filter(email="alice@example.org").exists()

    visit(page, f"/{language}/accounts/login/")
    page.locator("#id_login").fill("alice@example.org")
    page.locator("#id_password").fill(PASSWORD)
    click_and_check(page, page.get_by_role("button", name=words["log_in"], exact=True))
    assert words["wrong_login"] in page.locator(".error-summary").inner_text()

    log_in_as(page, speak(community["grace"], language))
    visit(page, f"/{language}/people/")
    assert "Grace Kowalski" in names_listed(page)
    assert "Alice Martin" not in names_listed(page)


# 7. Narrow screens --------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_people_pages_do_not_scroll_sideways_at_320_pixels(page, areas, community, language):
    page.set_viewport_size({"width": 320, "height": 640})
    log_in_as(page, speak(community["grace"], language))
    for path in [
        "/people/",
        "/people/me/profile/",
        "/people/who-knows/?area=caregiver-support",
        f"/people/{community['grace'].pk}/",
    ]:
        visit(page, f"/{language}{path}")
        assert_no_sideways_scroll(page)
