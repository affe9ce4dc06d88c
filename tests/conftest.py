"""Shared fixtures: the personas, the real task worker, and the real outbox.

Personas: ``alice`` is a member, ``sam`` a steward, ``ada`` an administrator; a visitor with no
account is the ``client`` fixture before anyone logs in.
"""

import importlib

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps as django_apps
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from commonplace.accounts.models import Role, User

# A migration's module name starts with a digit, so it cannot be imported with "import".
seed_vocabulary = importlib.import_module("commonplace.core.migrations.0004_seed_vocabulary")
library_kinds = importlib.import_module("commonplace.library.migrations.0002_kinds_and_audiences")

PASSWORD = "a-long-test-passphrase-42"


@pytest.fixture(autouse=True)
def _real_outbox(settings):
    """Send every email through the outbox and the task worker, as in production.

    Django's test runner points every mailer at locmem; only the transport should be, so tests
    see exactly what the worker would hand to SMTP, after the worker has run.
    """
    settings.MAILERS = {
        "default": {"BACKEND": "commonplace.notifications.outbox.OutboxBackend"},
        "transport": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
    }
    mail.outbox = []


@pytest.fixture(autouse=True)
def _vocabulary_as_installed(request):
    """Every test starts with the provinces, languages, kinds of organization and kinds of
    resource that migrations write, like a freshly installed site.

    A transactional test empties every table when it ends, and whatever test runs next in the
    same process would find them gone; restoring a whole serialized database instead proved
    slow and, beside the live server's thread, unreliable.
    """
    marker = request.node.get_closest_marker("django_db")
    uses_database = marker is not None or {"db", "transactional_db"} & set(request.fixturenames)
    if not uses_database:
        return
    request.getfixturevalue("_django_db_helper")
    from commonplace.core.models import Region
    from commonplace.library.models import ResourceKind

    if not Region.objects.exists():
        seed_vocabulary.seed(django_apps, None)
    if not ResourceKind.objects.exists():
        library_kinds.forwards(django_apps, None)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    # Photos and data downloads are real files; each test keeps its own, out of the project.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _quick_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher.

    tests/accounts/test_passwords.py checks that real accounts get Argon2 hashes.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_by_default():
    """Django leaves the last request's language active in the thread; start each test afresh."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def run_tasks() -> None:
    """Run every queued background task with the real database worker, then return.

    The worker opens and closes its own connections, so tests that call this need
    ``pytest.mark.django_db(transaction=True)``.
    """
    call_command(
        "db_worker",
        batch=True,
        queue_name="*",
        reload=False,
        startup_delay=False,
        verbosity=0,
    )


@pytest.fixture
def tasks():
    return run_tasks


def make_person(email: str, *, name: str, role: str = Role.MEMBER, language: str = "en") -> User:
    user = User.objects.create_user(email, PASSWORD, name=name, role=role, language=language)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def alice(db):
    return make_person("alice@example.org", name="Alice Martin")


@pytest.fixture
def benoit(db):
    return make_person("benoit@example.org", name="Benoît Gagnon", language="fr")


@pytest.fixture
def sam(db):
    return make_person("sam@example.org", name="Sam Tremblay", role=Role.STEWARD)


@pytest.fixture
def ada(db):
    return make_person("ada@example.org", name="Ada Lovelace", role=Role.ADMINISTRATOR)


@pytest.fixture
def demo_site(db):
    """The community name and the public pages, as `manage.py seed_demo` writes them."""
    from commonplace.core import demo

    demo.seed(lambda message: None)


class SmtpReceiver:
    """A real SMTP server (aiosmtpd) on a local port, keeping every message it accepts."""

    def __init__(self, port: int):
        self.port = port
        self.messages: list = []
        self.raw: list[bytes] = []  # each message exactly as it arrived
        self._controller = None

    async def handle_DATA(self, server, session, envelope):
        import email
        import email.policy

        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        self.raw.append(envelope.content)
        return "250 Message accepted for delivery"

    def start(self) -> "SmtpReceiver":
        from aiosmtpd.controller import Controller

        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def mailer(self) -> dict:
        return {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": self.port, "timeout": 5},
        }


def free_port() -> int:
    # aiosmtpd cannot bind port 0, so ask the kernel for a free port first.
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """Email leaves through real SMTP to a local receiver; ``smtp.start()`` brings it up."""
    receiver = SmtpReceiver(free_port())
    settings.MAILERS = {**settings.MAILERS, "transport": receiver.mailer()}
    yield receiver
    receiver.stop()
