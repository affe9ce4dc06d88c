"""Every naughty string, as a query value and a path segment, on each public URL: never a 500."""

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import reverse

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))

PUBLIC_URLS = [
    "/en/",
    "/fr/",
    "/en/about/",
    "/en/pages/privacy/",
    "/en/accounts/login/",
    "/en/accounts/password/reset/",
    "/en/accounts/signup/",
    "/healthz",
]


@pytest.fixture
def public_client(client, demo_site):
    return client


def assert_answered(response, url):
    # /healthz answers 503 on purpose when no worker runs; anything else must be below 500.
    allowed = {200, 301, 302, 400, 403, 404, 405} | ({503} if url.startswith("/healthz") else set())
    assert response.status_code in allowed, (response.status_code, url)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_naughty_query_values_never_cause_a_server_error(public_client, url):
    assert len(NAUGHTY) > 500
    for text in NAUGHTY:
        params = {"q": text, "next": text, "page": text, "action": text, f"x{text}": text}
        assert_answered(public_client.get(url, params), f"{url}?{params!r}")


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["/en/", "/en/pages/", "/en/accounts/", "/fr/about/", "/"])
def test_naughty_path_segments_never_cause_a_server_error(public_client, prefix):
    for text in NAUGHTY:
        segment = quote(text, safe="")
        if not segment:
            continue
        response = public_client.get(f"{prefix}{segment}/")
        assert_answered(response, f"{prefix}{text!r}")


@pytest.mark.django_db
def test_naughty_logins_get_a_form_error_not_a_crash(client):
    for text in NAUGHTY[:200]:
        response = client.post(reverse("account_login"), {"login": text, "password": text})
        assert response.status_code in {200, 429}, repr(text)


@pytest.mark.django_db
def test_a_naughty_language_switch_is_ignored(client):
    for text in NAUGHTY[:200]:
        response = client.post("/i18n/setlang/", {"language": text, "next": text})
        assert response.status_code in {200, 302, 400}, repr(text)
