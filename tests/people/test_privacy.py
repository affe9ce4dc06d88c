"""A hidden field never reaches a viewer who may not see it: not in a page, a partial or a search.

Every field of one member holds a unique marker and is set to "only me" or "stewards only".
A member then opens every page of the site and its htmx partials; no marker may appear. A
steward, as a control, does see the stewards-only markers (so the test cannot pass by
showing nothing at all).
"""

import io
import zipfile

import pytest
from django.urls import reverse

from commonplace.accounts.models import Consent
from commonplace.people.models import VISIBILITY_DEFAULTS, Contribution, ProfileArea, Visibility
from commonplace.people.services import (
    account_delete,
    consent_change,
    contribution_record,
    profile_update,
)
from commonplace.private_messages.services import conversation_start
from commonplace.search.models import SearchEntry
from tests.conftest import make_person, run_tasks
from tests.core.test_access import ACCESS, ACCESS_USER_IDS, url_for

pytestmark = pytest.mark.django_db(transaction=True)

TEXT_FIELDS = [
    "pronouns",
    "organization",
    "role_title",
    "city",
    "bio",
    "expertise",
    "interests",
    "initiative",
    "goals",
]


def marker(level: str, field: str) -> str:
    return f"Zq{level}{field.replace('_', '')}Xv"


@pytest.fixture
def secretive(areas, db):
    """Hana hides everything: alternately from everyone, and from all but stewards."""
    hana = make_person("hana.secret@example.org", name="Hana Visible")
    levels = {}
    for index, name in enumerate(VISIBILITY_DEFAULTS):
        levels[name] = Visibility.NOBODY if index % 2 == 0 else Visibility.STEWARDS
    fields = {name: marker(levels[name], name) for name in TEXT_FIELDS}
    fields["province"] = "NU"
    fields["time_zone"] = "America/Whitehorse"
    fields["links"] = f"https://{marker(levels['links'], 'links').lower()}.example"
    profile_update(
        user=hana,
        fields=fields,
        areas={
            ProfileArea.Relation.WORKS_ON: [areas["municipal-charters"]],
            ProfileArea.Relation.CAN_HELP: [areas["municipal-charters"]],
        },
        visibility=levels,
    )
    consent_change(user=hana, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="test")
    # Her only contribution is the initiative, which follows the initiative field's visibility.
    contribution_record(
        member=hana,
        kind=Contribution.Kind.INITIATIVE,
        title=marker(levels["initiative"], "initiativecontribution"),
        source="test",
        source_id="1",
    )
    run_tasks()
    return hana, levels


def responses_for_every_page(client, hana, levels):
    """Every members' page of the access table, with Hana as the member shown, plus partials."""
    ACCESS_USER_IDS["listed"] = hana.pk
    for name, case in ACCESS.items():
        if case.method != "get" or name.startswith("account_") or name.startswith("mfa_"):
            continue
        url = url_for(name, case)
        yield url, client.get(url)
    member_page = reverse("people:member", args=[hana.pk])
    yield member_page, client.get(member_page)
    for params in (
        {"province": "NU"},
        {"area": "municipal-charters"},
        {"expertise": "municipal-charters"},
        {"sort": "newest"},
        {"q": "Hana"},
    ):
        yield (
            f"directory {params}",
            client.get("/en/people/", params, headers={"hx-request": "true"}),
        )
        yield f"directory {params}", client.get("/en/people/", params)
    for params in ({"area": "municipal-charters"}, {"q": "municipal"}, {"q": "Hana"}):
        yield (
            f"who knows {params}",
            client.get("/en/people/who-knows/", params, headers={"hx-request": "true"}),
        )


def test_no_hidden_value_reaches_a_member_anywhere(client, alice, secretive):
    hana, levels = secretive
    client.force_login(alice)
    hidden = [marker(level, name) for name, level in levels.items()] + [
        marker(levels["initiative"], "initiativecontribution")
    ]
    seen_pages = 0
    for url, response in responses_for_every_page(client, hana, levels):
        assert response.status_code < 500 or url == "/healthz", url
        body = response.content.decode("utf-8", errors="replace")
        for value in hidden:
            assert value not in body, (url, value)
            assert value.lower() not in body.lower(), (url, value)
        assert "hana.secret@example.org" not in body, url
        assert "Nunavut" not in body or "<option" in body, url  # a hidden province is not shown
        seen_pages += 1
    assert seen_pages > 20


def test_hidden_fields_cannot_be_used_to_find_a_member(client, alice, secretive):
    hana, levels = secretive
    client.force_login(alice)
    found = lambda response: hana.display_name in [p.name for p in response.context["people"]]  # noqa: E731
    assert not found(client.get("/en/people/", {"province": "NU"}))
    assert not found(
        client.get("/en/people/", {"q": marker(levels["organization"], "organization")})
    )
    assert not found(client.get("/en/people/", {"q": marker(levels["bio"], "bio")}))
    assert not found(client.get("/en/people/", {"expertise": "municipal-charters"}))
    who = client.get("/en/people/who-knows/", {"area": "municipal-charters"})
    assert hana.display_name not in [knower.card.name for knower in who.context["knowers"]]


def test_stewards_do_see_what_is_shared_with_stewards(client, sam, secretive):
    hana, levels = secretive
    client.force_login(sam)
    body = client.get(reverse("people:member", args=[hana.pk])).text
    for name, level in levels.items():
        if name in TEXT_FIELDS and level == Visibility.STEWARDS:
            assert marker(level, name) in body, name
        if name in TEXT_FIELDS and level == Visibility.NOBODY:
            assert marker(level, name) not in body, name


def test_after_deletion_nothing_personal_of_the_member_is_left_anywhere(
    client, alice, sam, secretive
):
    """Hana's markers, shared or hidden, her name and her address: gone from every page and
    partial (for a member and for a steward), from the search index, and from the data another
    member downloads, even though she had written to that member."""
    hana, levels = secretive
    conversation_start(
        author=hana, recipients=[alice], subject="Our charter", body="Shall we compare notes?"
    )
    run_tasks()
    personal = [marker(level, name) for name, level in levels.items()] + [
        marker(levels["initiative"], "initiativecontribution"),
        "hana.secret@example.org",
        "Hana Visible",
    ]
    assert SearchEntry.objects.filter(text__contains="Hana Visible").exists()  # a real control

    hana_id = hana.pk
    account_delete(member=hana)
    run_tasks()
    hana.pk = hana_id  # her pages are now looked up by the number she had

    for entry in SearchEntry.objects.all():
        for value in personal:
            assert value.lower() not in entry.text.lower(), (entry.kind, value)
    for viewer in (alice, sam):
        client.force_login(viewer)
        seen_pages = 0
        for url, response in responses_for_every_page(client, hana, levels):
            assert response.status_code < 500 or url == "/healthz", url
            body = response.content.decode("utf-8", errors="replace").lower()
            for value in personal:
                assert value.lower() not in body, (viewer.email, url, value)
            seen_pages += 1
        assert seen_pages > 20

    client.force_login(alice)
    client.post("/en/people/me/data/")
    run_tasks()
    token = client.get("/en/people/me/data/").context["token"]
    download = client.get(f"/en/people/me/data/{token}/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "alice@example.org" in archive.read("my-data.json").decode()  # a real export
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8", errors="replace").lower()
        for value in personal:
            assert value.lower() not in text, (name, value)
