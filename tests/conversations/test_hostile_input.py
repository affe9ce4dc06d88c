"""Naughty strings and script payloads as titles, bodies and replies: stored exactly as typed,
shown escaped everywhere they appear, never a 500; Markdown that could hang a worker gets a
proper answer."""

import json
import re
import time
from pathlib import Path

import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape

from commonplace.conversations import moderation, services
from commonplace.conversations.models import Reply, Topic
from commonplace.core.markdown import render_markdown

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
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
    """A 200 with the form's own errors, each one of the expected kinds."""
    codes = {
        e.code for errors in response.context["form"].errors.as_data().values() for e in errors
    }
    return bool(codes) and codes <= ALLOWED_REFUSALS


def test_naughty_strings_start_topics_exactly_as_typed(client, open_space, alice):
    client.force_login(alice)
    url = reverse("conversations:topic-new", args=[open_space.slug])
    kept = 0
    for text in NAUGHTY:
        cache.clear()  # the hourly limit on new topics is tested on its own
        response = client.post(url, {"kind": "question", "title": text[:200], "body": text})
        assert response.status_code in (200, 302), repr(text)
        if response.status_code == 200:
            assert refused_politely(response), repr(text)
            continue
        topic = Topic.objects.latest("pk")
        assert topic.body == text
        page = client.get(response.url)
        assert page.status_code == 200, repr(text)
        if topic.title.strip():
            assert escape(topic.title) in page.text, repr(text)
        kept += 1
    assert kept > 400
    listing = client.get(reverse("conversations:space", args=[open_space.slug]) + "?page=2")
    assert listing.status_code == 200


def test_script_payloads_never_reach_a_page_as_markup(client, open_space, alice, benoit, sam):
    client.force_login(alice)
    services.space_follow(space=open_space, member=benoit, follow=True)
    topic = None
    for payload in PAYLOADS[:150]:
        topic = services.topic_start(
            space=open_space, author=alice, title=payload[:200], body=payload
        )
        reply = services.reply_post(topic=topic, author=benoit, body=payload)
        moderation.flag_raise(
            topic=topic, reply=reply, reporter=alice, reason="other", note=payload
        )
        assert Reply.objects.get(pk=reply.pk).body == payload
        # What Markdown makes of it is on the allow-list: no script, no handler, no js: link.
        assert not SCRIPT.search(render_markdown(payload)), payload
    assert topic is not None
    pages = [
        reverse("conversations:topic", args=[open_space.slug, topic.pk, topic.slug]),
        reverse("conversations:space", args=[open_space.slug]),
        reverse("conversations:latest"),
        reverse("notifications:list"),
    ]
    for url in pages:
        text = client.get(url).text
        body = text.split("<main", 1)[1]
        assert "<script" not in body.lower().replace("<script src=", ""), url
    client.force_login(sam)
    queue = client.get(reverse("conversations:moderation")).text.split("<main", 1)[1]
    assert not re.search(r"<script|<img|<svg|<iframe", queue, re.IGNORECASE)
    client.force_login(benoit)
    bell = client.get(reverse("notifications:list")).text.split("<main", 1)[1]
    assert not re.search(r"<script|<img|<svg|<iframe", bell, re.IGNORECASE)


@pytest.mark.django_db(transaction=True)
def test_emails_carry_payloads_as_plain_text_on_one_subject_line(open_space, alice, benoit, tasks):
    services.space_follow(space=open_space, member=benoit, follow=True)
    title = "Hello\r\nBcc: victim@example.org <script>alert(1)</script>"
    services.topic_start(space=open_space, author=alice, title=title, body="x")
    tasks()
    (message,) = mail.outbox
    assert message.to == ["benoit@example.org"]
    assert "\n" not in message.subject
    assert "victim@example.org" not in message.bcc
    assert message.content_subtype == "plain"


@pytest.mark.parametrize(
    "body",
    [
        "> " * 10_000 + "deep",
        "|" + "a|" * 5000 + "\n|" + "-|" * 5000 + "\n|" + "1|" * 5000,
        "*" * 50_000,
        "[a](" * 5000,
        "- " * 10_000 + "nested",
    ],
    ids=["10k-nested-quotes", "5k-column-table", "50k-emphasis", "5k-open-links", "10k-lists"],
)
def test_markdown_that_could_hang_a_worker_renders_quickly(body):
    started = time.monotonic()
    html = render_markdown(body)
    # Not a speed target: a guard against the quadratic and recursive cases these inputs probe.
    assert time.monotonic() - started < 10
    assert isinstance(html, str)


def test_a_one_megabyte_post_gets_a_clear_message_not_an_error(client, open_space, alice):
    client.force_login(alice)
    body = "word " * 200_000
    url = reverse("conversations:topic-new", args=[open_space.slug])
    response = client.post(url, {"kind": "discussion", "title": "Big", "body": body})
    assert response.status_code == 200
    assert "Please shorten this to 20000 characters or fewer" in response.text
    assert not Topic.objects.exists()
