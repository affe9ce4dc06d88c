"""Notification kinds for tests, registered the way a feature registers its own."""

from contextlib import contextmanager

import pytest

from commonplace.notifications import kinds, services
from commonplace.notifications.kinds import Kind

# Plain strings: a test's wording has no place in the French catalogue.
REPLY = Kind(
    key="tests.reply",
    label="Replies to my topics",
    sentence="%(actor)s replied to “%(title)s”",
)
MENTION = Kind(
    key="tests.mention",
    label="Mentions of me",
    sentence="%(actor)s mentioned you in “%(title)s”",
)


@contextmanager
def registered(*extra: Kind):
    """Make these the only kinds for the duration of a test (the features' own kinds, such as
    those of conversations, are set aside), then leave the registry as it was."""
    before = dict(kinds._registry)
    kinds._registry.clear()
    try:
        for kind in extra:
            kinds.register(kind)
        yield extra
    finally:
        kinds._registry.clear()
        kinds._registry.update(before)


@pytest.fixture
def test_kinds():
    with registered(REPLY, MENTION) as both:
        yield both


def notify_about(recipients, *, actor=None, title="Starting a grief café", **overrides) -> int:
    """A reply notification about the privacy page (any page that reverses will do)."""
    values = {
        "kind": REPLY.key,
        "target_key": "topic:12/reply:55",
        "url_name": "core:page",
        "url_kwargs": {"slug": "privacy"},
        "fragment": "reply-55",
        "excerpt": "We started ours in the library.",
    }
    return services.notify(recipients=recipients, actor=actor, title=title, **(values | overrides))
