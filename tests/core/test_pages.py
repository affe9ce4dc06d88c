"""The public pages, the steward's content editing, and the headers every response carries."""

import pytest
from django.urls import reverse

from commonplace.core.models import AuditEntry, Page

pytestmark = pytest.mark.django_db


def test_the_home_page_explains_the_community_in_english(client, demo_site):
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Compassionate Communities Canada" in response.text
    assert "Who can join" in response.text
    assert '<html lang="en">' in response.text


def test_the_home_page_explains_the_community_in_french(client, demo_site):
    response = client.get("/fr/")
    assert "Communautés bienveillantes Canada" in response.text
    assert "Qui peut se joindre à nous" in response.text
    assert '<html lang="fr">' in response.text


def test_a_member_sees_their_own_home_and_can_still_read_about_the_community(
    client, alice, demo_site
):
    client.force_login(alice)
    assert "Welcome back, Alice Martin" in client.get("/en/").text
    assert "Who can join" in client.get("/en/about/").text


def test_strict_security_headers_on_every_page(client, demo_site):
    response = client.get("/en/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_every_script_tag_carries_the_nonce(client, demo_site):
    response = client.get("/en/")
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    scripts = response.text.count("<script")
    assert scripts >= 2
    assert response.text.count(f'nonce="{nonce}"') == scripts


def test_a_steward_rewrites_a_page_in_both_languages(client, sam, demo_site):
    client.force_login(sam)
    response = client.post(
        reverse("core:page-edit", args=["privacy"]),
        {
            "title_en": "How we treat your data",
            "body_en": "We **never** sell it.",
            "title_fr": "Vos données",
            "body_fr": "Nous ne les vendons **jamais**.",
        },
        follow=True,
    )
    assert "<strong>never</strong>" in response.text
    page = Page.objects.get(slug="privacy")
    assert page.body_html_fr == "<p>Nous ne les vendons <strong>jamais</strong>.</p>\n"
    assert AuditEntry.objects.filter(verb="page.update", actor=sam).count() == 1
    assert "<strong>jamais</strong>" in client.get("/fr/pages/privacy/").text


def test_a_page_form_with_a_missing_title_says_so_and_keeps_the_text(client, sam, demo_site):
    client.force_login(sam)
    response = client.post(
        reverse("core:page-edit", args=["privacy"]),
        {"title_en": "", "body_en": "Kept <text> & all", "title_fr": "", "body_fr": ""},
    )
    assert response.status_code == 200
    assert "error-summary" in response.text
    assert 'aria-invalid="true"' in response.text
    assert "Kept &lt;text&gt; &amp; all" in response.text


def test_a_steward_renames_the_community(
    client, sam, demo_site, django_capture_on_commit_callbacks
):
    client.force_login(sam)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("core:site-settings"),
            {
                "name_en": "Caring Towns",
                "name_fr": "Villes solidaires",
                "tagline_en": "",
                "tagline_fr": "",
            },
        )
    assert "Caring Towns" in client.get("/en/").text
    assert "Villes solidaires" in client.get("/fr/").text


def test_a_page_written_only_in_english_is_shown_to_french_readers_marked_as_english(
    client, sam, demo_site
):
    Page.objects.filter(slug="guidelines").update(body_html_fr="", title_fr="")
    response = client.get("/fr/pages/guidelines/")
    assert '<div class="prose" lang="en">' in response.text


def test_the_home_page_makes_a_constant_number_of_queries(
    client, alice, demo_site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        client.get("/en/")
    client.force_login(alice)
    # Session, account, people like me, what is new in followed conversations, and the
    # header's counts of notifications and unread private messages.
    with django_assert_max_num_queries(7):
        client.get("/en/")


def test_unknown_pages_are_404_in_the_right_language(client, demo_site):
    response = client.get("/fr/pages/nowhere/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text
