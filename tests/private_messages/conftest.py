import pytest

from commonplace.private_messages import services
from tests.conftest import make_person

SECRET = "Kestrel-letter-5581"


@pytest.fixture
def chloe(db):
    """A member who is in the private conversation, reading in French."""
    return make_person("chloe@example.org", name="Chloé Roy", language="fr")


@pytest.fixture
def olga(db):
    """A member who is not in it."""
    return make_person("olga@example.org", name="Olga Outsider")


@pytest.fixture
def letter(alice, benoit, chloe):
    """Alice writes to Benoît and Chloé; Benoît answers."""
    conversation = services.conversation_start(
        author=alice,
        recipients=[benoit, chloe],
        subject=f"{SECRET} subject",
        body=f"{SECRET} first message",
    )
    services.message_post(conversation=conversation, author=benoit, body=f"{SECRET} answer")
    return conversation
