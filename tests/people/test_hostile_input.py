"""Naughty strings in every profile field: kept exactly as typed, shown escaped, never a 500."""

import json
from pathlib import Path

import pytest
from django.utils.html import escape

from commonplace.people.models import Profile
from tests.people.test_profile import profile_data

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))
LIMITS = {
    "pronouns": 40, "organization": 200, "role_title": 150, "city": 120, "bio": 2000,
    "expertise": 1000, "interests": 1000, "initiative": 4000, "goals": 4000,
}  # fmt: skip
TEXT_FIELDS = list(LIMITS)
ALLOWED_REFUSALS = {
    "null_characters_not_allowed",
    "max_length",
    "required",
    "invalid",
    "invalid_choice",
}


@pytest.mark.django_db
def test_naughty_strings_in_every_profile_field(client, alice, areas):
    client.force_login(alice)
    kept = 0
    for text in NAUGHTY:
        # Each string goes into every field long enough to hold it.
        fields = [field for field in TEXT_FIELDS if len(text) <= LIMITS[field]]
        data = profile_data(name=text[:150] or "Alice", **dict.fromkeys(fields, text))
        response = client.post("/en/people/me/profile/", data)
        assert response.status_code in (200, 302), repr(text)
        if response.status_code == 200:
            codes = {
                e.code
                for errors in response.context["form"].errors.as_data().values()
                for e in errors
            }
            assert codes, repr(text)
            assert codes <= ALLOWED_REFUSALS, (codes, repr(text))
            continue
        profile = Profile.objects.get(user=alice)
        for field in fields:
            assert getattr(profile, field) == text, (field, repr(text))
        page = client.get(f"/en/people/{alice.pk}/")
        assert page.status_code == 200
        if text.strip():
            assert escape(text.splitlines()[0]) in page.text, repr(text)
        kept += 1
    assert kept > 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "field",
    [
        "province",
        "time_zone",
        "organization_type",
        "languages",
        "works_on",
        "links",
        "name_visibility",
    ],
)
def test_naughty_strings_in_choices_and_links_get_a_form_error(client, alice, areas, field):
    client.force_login(alice)
    for text in NAUGHTY[::8]:
        response = client.post("/en/people/me/profile/", profile_data(**{field: text}))
        assert response.status_code in (200, 302), repr(text)


@pytest.mark.django_db
def test_naughty_searches_never_fail(client, alice):
    client.force_login(alice)
    for text in NAUGHTY:
        assert client.get("/en/people/", {"q": text}).status_code == 200, repr(text)
        assert client.get("/en/people/who-knows/", {"q": text}).status_code == 200, repr(text)
