"""The consents a member can give or withdraw on their own page, and the words shown for each.

The words are what the ledger records: what the person agreed to, in their language.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commonplace.accounts.models import Consent, User

CHANGEABLE = (Consent.Kind.CONTACT, Consent.Kind.NEWS, Consent.Kind.DIRECTORY)

WORDING: dict[str, object] = {
    Consent.Kind.CONTACT: gettext_lazy(
        "The stewards may write to me by email about my membership of the community."
    ),
    Consent.Kind.NEWS: gettext_lazy(
        "Send me the community's news and digests by email. Every one has a link to unsubscribe."
    ),
    Consent.Kind.DIRECTORY: gettext_lazy(
        "List me in the member directory and in “who knows what”, showing only what my profile "
        "settings allow."
    ),
}


def wording(kind: str):
    return WORDING[Consent.Kind(kind)]


def confirmation(kind: str, given: bool) -> str:
    if kind == Consent.Kind.DIRECTORY:
        return (
            _("You are listed in the directory.")
            if given
            else _("You are no longer listed in the directory.")
        )
    return _("Your choice was recorded.")


@dataclass
class ConsentState:
    kind: str
    label: str
    wording: str
    given: bool
    history: list[Consent]


def overview(member: User) -> list[ConsentState]:
    """Each consent with its current answer (the latest row) and its full history."""
    rows = list(Consent.objects.filter(user=member).order_by("-recorded_at", "-id"))
    states = []
    for kind in CHANGEABLE:
        history = [row for row in rows if row.kind == kind]
        states.append(
            ConsentState(
                kind=kind,
                label=str(Consent.Kind(kind).label),
                wording=str(WORDING[kind]),
                given=bool(history and history[0].given),
                history=history,
            )
        )
    return states
