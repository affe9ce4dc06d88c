import pytest

from commonplace.accounts.models import Consent
from commonplace.core.models import FocusArea
from commonplace.people.models import VISIBILITY_DEFAULTS, ProfileArea
from commonplace.people.services import consent_change, profile_update
from tests.conftest import make_person


@pytest.fixture
def areas(db):
    """A few focus areas, as stewards would have set them up."""
    rows = [
        ("caregiver-support", "Caregiver support", "Soutien aux proches aidants"),
        ("grief-bereavement", "Grief and bereavement", "Deuil"),
        (
            "municipal-charters",
            "Municipal charters and policy",
            "Chartes municipales et politiques",
        ),
    ]
    return {
        slug: FocusArea.objects.create(slug=slug, name_en=en, name_fr=fr, position=index)
        for index, (slug, en, fr) in enumerate(rows)
    }


def listed_member(email, *, name, visibility=None, works_on=(), can_help=(), listed=True, **fields):
    """A member with a profile, in the directory unless ``listed`` is False."""
    person = make_person(email, name=name)
    profile_update(
        user=person,
        fields=fields,
        areas={
            ProfileArea.Relation.WORKS_ON: list(works_on),
            ProfileArea.Relation.CAN_HELP: list(can_help),
        },
        visibility=dict(VISIBILITY_DEFAULTS) | (visibility or {}),
    )
    consent_change(
        user=person, kind=Consent.Kind.DIRECTORY, given=listed, wording="List me.", source="test"
    )
    return person
