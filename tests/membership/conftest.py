import pytest

from commonplace.membership.models import JoinRequest


@pytest.fixture(autouse=True)
def _no_minimum_fill_time(settings):
    """Tests fill the form instantly; the minimum time has its own test."""
    settings.JOIN_FORM_MIN_SECONDS = 0


def answers(**overrides) -> dict:
    """A complete, valid join form as a person would send it."""
    data = {
        "name": "Olivia Chen",
        "email": "olivia@example.org",
        "organization": "Kingston Compassionate City",
        "initiative": "A grief café at the public library, twice a month.",
        "goals": "Learn how others found volunteers.",
        "language": "en",
        "province": "ON",
        "consent_contact": "on",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit(client, page_language="en", **overrides):
    """GET the form (for its signed start time), then send it."""
    page = client.get(f"/{page_language}/join/")
    started = page.context["form"]["started"].value()
    return client.post(f"/{page_language}/join/", {**answers(**overrides), "started": started})


@pytest.fixture
def olivia_request(db):
    return JoinRequest.objects.create(
        name="Olivia Chen",
        email="olivia@example.org",
        organization="Kingston Compassionate City",
        initiative="A grief café.",
        goals="Learn.",
        language="en",
        province="ON",
    )


@pytest.fixture
def amelie_request(db):
    return JoinRequest.objects.create(
        name="Amélie Tremblay",
        email="amelie@example.org",
        organization="Ville de Lévis",
        initiative="Une charte municipale.",
        language="fr",
        province="QC",
    )
