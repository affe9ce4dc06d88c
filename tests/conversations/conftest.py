import pytest

from commonplace.conversations.models import Space
from tests.conftest import make_person


@pytest.fixture
def open_space(db):
    return Space.objects.create(slug="caregivers", name_en="Caregivers", name_fr="Proches aidants")


@pytest.fixture
def chloe(db):
    """A member who belongs to the private space."""
    return make_person("chloe@example.org", name="Chloé Roy", language="fr")


@pytest.fixture
def olga(db):
    """A member who does not belong to the private space."""
    return make_person("olga@example.org", name="Olga Outsider")


@pytest.fixture
def private_space(db, chloe):
    space = Space.objects.create(
        slug="circle", name_en="Secret circle", name_fr="Cercle secret", is_private=True
    )
    space.members.add(chloe)
    return space
