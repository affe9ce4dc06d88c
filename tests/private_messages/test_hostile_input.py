"""Naughty strings and script payloads as subjects and messages: stored exactly as typed,
shown escaped wherever they appear (inbox, conversation, notifications, the htmx partial),
never a 500."""

import json
import re
from pathlib import Path

from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape

from commonplace.private_messages.models import PrivateConversation, PrivateMessage

DATA = Path("/work/shared/data")
NAUGHTY = json.loads((DATA / "blns.json").read_text("utf-8"))
PAYLOADS = [
    line
    for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
    if line.strip()
]
ALLOWED_REFUSALS = {"null_characters_not_allowed", "required", "max_length"}
# Markup, not text: a real tag, a handler inside a real tag, or a link that runs script.
SCRIPT = re.compile(
    r"<script|<[a-z][^>]*(?:\son[a-z]+\s*=|(?:href|src)=\"?\s*javascript:)", re.IGNORECASE
)


def refused_politely(response) -> bool:
    codes = {
        e.code for errors in response.context["form"].errors.as_data().values() for e in errors
    }
    return bool(codes) and codes <= ALLOWED_REFUSALS


def start(client, benoit, subject: str, body: str):
    cache.clear()  # the daily limit on new conversations is not what is tested here
    return client.post(
        reverse("private_messages:new"),
        {"others": "Benoît Gagnon", "subject": subject, "body": body},
    )


def listed(person):
    from commonplace.accounts.models import Consent
    from commonplace.people.services import consent_change

    consent_change(user=person, kind=Consent.Kind.DIRECTORY, given=True, wording="Yes", source="t")
    return person


def test_naughty_strings_are_kept_exactly_and_shown_escaped(client, alice, benoit):
    listed(benoit)
    client.force_login(alice)
    kept = 0
    for text in NAUGHTY:
        response = start(client, benoit, text[:200], text)
        assert response.status_code in (200, 302), repr(text)
        if response.status_code == 200:
            assert refused_politely(response), repr(text)
            continue
        message = PrivateMessage.objects.latest("pk")
        assert message.body == text
        page = client.get(response.url)
        assert page.status_code == 200, repr(text)
        subject = message.conversation.subject
        if subject.strip():
            assert escape(subject) in page.text, repr(text)
        kept += 1
    assert kept > 400
    # The inbox and Benoît's notifications list every one of them, escaped.
    assert client.get(reverse("private_messages:inbox") + "?page=2").status_code == 200
    client.force_login(benoit)
    assert client.get(reverse("notifications:list")).status_code == 200


def test_script_payloads_never_become_markup(client, alice, benoit):
    listed(benoit)
    client.force_login(alice)
    # A spread over the whole shared list: every kind of trick, at a tenth of the time.
    for payload in PAYLOADS[::60]:
        response = start(client, benoit, payload[:200], payload)
        assert response.status_code == 302, repr(payload)
        conversation = PrivateConversation.objects.latest("pk")
        assert conversation.subject == payload[:200]
        assert conversation.messages.get().body == payload
        page = client.get(response.url).text
        assert not SCRIPT.search(page.split("<main", 1)[1]), payload
        # The reply in place, as htmx receives it.
        partial = client.post(
            reverse("private_messages:reply", args=[conversation.pk]),
            {"body": payload},
            headers={"HX-Request": "true"},
        )
        assert partial.status_code == 200
        assert not SCRIPT.search(partial.text), payload
        assert conversation.messages.get(number=2).body == payload
    for url in (reverse("private_messages:inbox"), reverse("private_messages:inbox") + "?page=2"):
        assert not SCRIPT.search(client.get(url).text.split("<main", 1)[1])
    client.force_login(benoit)
    notices = client.get(reverse("notifications:list")).text
    assert not SCRIPT.search(notices.split("<main", 1)[1])
