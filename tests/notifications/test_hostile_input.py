"""Titles, excerpts and names come from members and may hold anything: they are stored exactly
as given and always shown escaped, in the list, the bell and the emails."""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import mail
from django.utils.html import escape

from commonplace.notifications import selectors, services
from commonplace.notifications.models import Notification
from tests.conftest import make_person
from tests.notifications.conftest import notify_about

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
PAYLOADS = [
    line
    for line in (DATA / "xss-payloads.txt").read_text("utf-8", errors="replace").splitlines()
    if line.strip() and "\x00" not in line
]


@dataclass
class Shown:
    sentence: str = ""
    excerpt: str = ""
    tags: list[str] = field(default_factory=list)


class NotificationReader(HTMLParser):
    """What a browser would make of each notification: its texts and the elements inside it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items: list[Shown] = []
        self.depth = 0  # how deep inside the current <li class="notification…">
        self.part = ""
        self.hidden = 0

    @classmethod
    def read(cls, page: str) -> list[Shown]:
        reader = cls()
        reader.feed(page)
        reader.close()
        return reader.items

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and "notification" in classes:
            self.items.append(Shown())
            self.depth = 1
            return
        if not self.depth:
            return
        self.items[-1].tags.append(tag)
        self.depth += 1
        if "notification-sentence" in classes:
            self.part = "sentence"
        elif "notification-excerpt" in classes:
            self.part = "excerpt"
        if "visually-hidden" in classes or "status-unread" in classes:
            self.hidden = self.depth

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if self.hidden == self.depth:
            self.hidden = 0
        self.depth -= 1
        if tag == "p":
            self.part = ""

    def handle_data(self, data):
        if self.depth and self.part and not self.hidden:
            current = self.items[-1]
            setattr(current, self.part, getattr(current, self.part) + data)


@pytest.mark.django_db
def test_xss_payloads_are_stored_exactly_and_shown_escaped(client, alice, test_kinds, monkeypatch):
    actors = [
        make_person(f"actor{number}@example.org", name=payload[:150])
        for number, payload in enumerate(PAYLOADS[:40])
    ]
    for number, payload in enumerate(PAYLOADS):
        notify_about(
            [alice],
            actor=actors[number % len(actors)],
            title=payload,
            excerpt=payload[::-1],
            target_key=f"topic:{number}",
        )
    stored = {row.target_key: row for row in Notification.objects.all()}
    assert [stored[f"topic:{number}"].title for number in range(len(PAYLOADS))] == PAYLOADS
    for number, payload in enumerate(PAYLOADS):
        if len(payload) <= services.EXCERPT_LENGTH:  # longer ones are shortened, on purpose
            assert stored[f"topic:{number}"].excerpt == payload[::-1]

    # Every notification on one page, so every payload is rendered.
    monkeypatch.setattr(selectors, "PER_PAGE", len(PAYLOADS))
    client.force_login(alice)
    page = client.get("/en/notifications/").text
    for payload in PAYLOADS:
        assert escape(payload) in page, payload
    shown = NotificationReader.read(page)
    expected = [
        (
            f"{actors[number % len(actors)].name} replied to “{payload}”",
            stored[f"topic:{number}"].excerpt,
        )
        for number, payload in enumerate(PAYLOADS)
    ]
    # Newest first; every payload came back as text, and no element was smuggled in.
    assert [(item.sentence, item.excerpt) for item in shown] == expected[::-1]
    assert {tag for item in shown for tag in item.tags} <= {"p", "a", "span", "time"}

    # The bell shows a count and nothing any member wrote.
    header = page.split("<main", 1)[0]
    for actor in actors:
        assert actor.name not in header, actor.name
    assert f">{selectors.UNREAD_COUNT_CAP - 1}+</span>" in header


@pytest.mark.django_db(transaction=True)
def test_emails_are_plain_text_and_keep_payloads_as_they_are(alice, test_kinds, tasks):
    payloads = [p for p in PAYLOADS if "<" in p][:25]
    actor = make_person("mallory@example.org", name='"><svg onload=alert(1)>')
    for number, payload in enumerate(payloads):
        notify_about([alice], actor=actor, title=payload, target_key=f"topic:{number}")
    tasks()
    assert len(mail.outbox) == len(payloads)
    bodies = "\n".join(message.body for message in mail.outbox)
    subjects = "\n".join(message.subject for message in mail.outbox)
    for message in mail.outbox:
        assert message.message().get_content_type() == "text/plain"
    for payload in payloads:
        assert payload in bodies  # plain text: nothing to escape, nothing to run
        assert " ".join(payload.split()) in subjects
    assert "&lt;" not in bodies
