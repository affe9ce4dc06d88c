"""Naughty strings and script payloads in every field of the join form: stored exactly as typed,
shown escaped to stewards and in emails, and never a server error."""

import json
from pathlib import Path

import pytest
from django.core import mail, signing
from django.utils.html import escape

from commonplace.membership.forms import FORM_STARTED_SALT
from commonplace.membership.models import JoinRequest
from tests.conftest import run_tasks
from tests.membership.conftest import answers

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))
PAYLOADS = [
    line
    for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
    if line.strip()
]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.JOIN_LIMIT_PER_IP = 100_000
    settings.JOIN_LIMIT_PER_EMAIL = 100_000


def started() -> str:
    return signing.dumps(0, salt=FORM_STARTED_SALT)


@pytest.mark.django_db(transaction=True)
def test_naughty_strings_in_every_text_field_are_stored_exactly_and_shown_escaped(client, sam):
    stored = {}
    for index, text in enumerate(NAUGHTY):
        email = f"naughty{index}@example.org"
        response = client.post(
            "/en/join/",
            {
                **answers(name=text, organization=text, initiative=text, goals=text, email=email),
                "started": started(),
            },
        )
        assert response.status_code in (200, 302), repr(text)
        if response.status_code == 302:
            stored[email] = text
        else:  # refused with a message beside the field, never silently changed
            codes = {
                error.code
                for errors in response.context["form"].errors.as_data().values()
                for error in errors
            }
            assert codes
            assert codes <= {"null_characters_not_allowed", "required", "max_length"}
    assert len(stored) > 450
    for request in JoinRequest.objects.all():
        text = stored[request.email]
        assert (request.name, request.organization, request.initiative, request.goals) == (
            text, text, text, text
        ), repr(text)  # fmt: skip

    client.force_login(sam)
    page = 1
    while True:
        response = client.get("/en/join/requests/", {"page": page})
        assert response.status_code == 200
        if page >= response.context["page_obj"].paginator.num_pages:
            break
        page += 1
    for request in JoinRequest.objects.all():
        response = client.get(f"/en/join/requests/{request.pk}/")
        assert response.status_code == 200
        assert escape(request.name) in response.text, repr(request.name)

    run_tasks()
    acknowledgements = {message.to[0]: message for message in mail.outbox}
    for email, text in stored.items():
        assert f"Hello {text}," in acknowledgements[email].body.replace("\r\n", "\n"), repr(text)


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["email", "language", "province", "started", "consent_contact"])
def test_naughty_strings_in_choice_and_hidden_fields_get_a_form_error(client, field):
    for text in NAUGHTY:
        response = client.post(
            "/en/join/",
            {**answers(**{field: text}), "started": started()}
            | ({"started": text} if field == "started" else {}),
        )
        assert response.status_code in (200, 302), repr(text)
    assert JoinRequest.objects.count() <= 1  # only a naughty string that is a real choice/email


@pytest.mark.django_db
def test_every_xss_payload_is_escaped_in_the_queue_and_on_the_detail_page(client, sam):
    requests = [
        JoinRequest(
            name=payload[:200],
            email=f"x{index}@example.org",
            organization=payload[:200],
            initiative=payload,
            goals=payload,
            language="en",
        )
        for index, payload in enumerate(PAYLOADS)
    ]
    JoinRequest.objects.bulk_create(requests, batch_size=500)
    client.force_login(sam)
    seen = set()
    page = 1
    while True:
        response = client.get("/en/join/requests/", {"page": page})
        body = response.text
        for request in response.context["page_obj"]:
            assert escape(request.name) in body
            seen.add(request.pk)
        if page >= response.context["page_obj"].paginator.num_pages:
            break
        page += 1
    assert len(seen) == len(PAYLOADS)
    for request in JoinRequest.objects.all()[:: max(1, len(PAYLOADS) // 300)]:
        body = client.get(f"/en/join/requests/{request.pk}/").text
        assert escape(request.organization) in body
        assert "<script" not in body.split("<main", 1)[1].lower()
