"""What each feature does with a member's part in it when they delete their account (PIPEDA).

Deleting the account row takes away what hangs only on the member (cascades), but a feature
may keep counts, credits or words elsewhere: a use counted on a resource, a reply's text, a
file in storage. Each feature registers one function in its ``AppConfig.ready()``;
``people.services.account_delete`` calls them all inside its transaction, before the row
goes, with ``remove_content`` as the member chose: keep what they wrote for the community
(credited to a former member) or remove it too.
"""

from typing import Protocol

from commonplace.accounts.models import User


class Forget(Protocol):
    def __call__(self, *, member: User, remove_content: bool) -> None: ...


_forgetters: dict[str, Forget] = {}


def register(name: str, forget: Forget) -> None:
    """``forget(member=…, remove_content=…)``: undo the member's part in a feature. Registering
    a name again replaces the function (reloads in development stay harmless)."""
    _forgetters[name] = forget


def forget_everywhere(*, member: User, remove_content: bool) -> None:
    for forget in _forgetters.values():
        forget(member=member, remove_content=remove_content)
