"""The kinds of notification features can send, each with the words that describe it.

Notifications know nothing about the features: a feature registers its kinds in its
``AppConfig.ready()`` and then calls ``services.notify(kind="conversations.reply", …)`` with plain
values. The registry gives the preferences page its list and every notification its sentence.
"""

from dataclasses import dataclass

from django.utils.functional import Promise

type Text = str | Promise


@dataclass(frozen=True)
class Kind:
    """One kind of notification.

    ``key`` is stored on every notification and preference, so it never changes once used
    ("conversations.reply"). ``label`` names it on the preferences and unsubscribe pages
    ("Replies to my topics"). ``sentence`` describes one notification, with ``%(actor)s`` and
    ``%(title)s`` placeholders ("%(actor)s replied to “%(title)s”"). Both are lazy translations,
    so each reader gets them in their own language.
    """

    key: str
    label: Text
    sentence: Text


_registry: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    """Add a kind; registering the very same kind again is harmless (``ready()`` may run twice).

    Raises ValueError if another kind already uses the key: two features sharing a key would
    share their members' preferences without meaning to.
    """
    existing = _registry.get(kind.key)
    if existing is not None and existing != kind:
        raise ValueError(f"The notification kind {kind.key!r} is already registered")
    _registry[kind.key] = kind
    return kind


def get(key: str) -> Kind:
    """The registered kind with this key; raises LookupError when there is none."""
    try:
        return _registry[key]
    except KeyError:
        raise LookupError(f"No notification kind {key!r} is registered") from None


def all_kinds() -> list[Kind]:
    """Every registered kind, in the order they were registered."""
    return list(_registry.values())
