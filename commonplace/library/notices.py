"""What the library tells members about, through the notifications mechanism.

Target keys: "resource:R" for the resource itself, "resource:R/suggestion:S" for a suggested edit.
"""

from django.utils.translation import gettext_lazy as _

from commonplace.notifications import kinds

RESOURCE_USED = "library.resource_used"
AUTHOR_CREDITED = "library.author_credited"
SUGGESTION_MADE = "library.suggestion_made"
SUGGESTION_DECIDED = "library.suggestion_decided"
TRANSLATION_LINKED = "library.translation_linked"


def register_kinds() -> None:
    for kind in (
        kinds.Kind(
            key=RESOURCE_USED,
            label=_("Members using resources I wrote"),
            sentence=_("%(actor)s used your resource “%(title)s”"),
        ),
        kinds.Kind(
            key=AUTHOR_CREDITED,
            label=_("Being named an author of a resource"),
            sentence=_("%(actor)s named you an author of “%(title)s” in the library"),
        ),
        kinds.Kind(
            key=SUGGESTION_MADE,
            label=_("Edits suggested to resources I wrote"),
            sentence=_("%(actor)s suggested an edit to “%(title)s”"),
        ),
        kinds.Kind(
            key=SUGGESTION_DECIDED,
            label=_("Answers to edits I suggested"),
            sentence=_("%(actor)s answered your suggested edit to “%(title)s”"),
        ),
        kinds.Kind(
            key=TRANSLATION_LINKED,
            label=_("Translations of resources I asked for"),
            sentence=_("A translation of “%(title)s” is now in the library"),
        ),
    ):
        kinds.register(kind)


def resource_key(resource_id: int) -> str:
    return f"resource:{resource_id}"
