import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from commonplace.core.bilingual import Bilingual


def token_digest(token: str) -> str:
    """Tokens are stored only as their SHA-256, so a database leak reveals no working link."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    token = secrets.token_urlsafe(32)
    return token, token_digest(token)


class JoinQuestion(models.Model):
    """The wording of one join-form question, as stewards have rewritten it.

    The form has fixed fields; this only replaces their label and help text. An empty value
    falls back to the platform's own wording in the reader's language.
    """

    class Key(models.TextChoices):
        NAME = "name", _("Your name")
        EMAIL = "email", _("Your email")
        ORGANIZATION = "organization", _("Organization or group")
        INITIATIVE = "initiative", _("Your initiative")
        GOALS = "goals", _("Your goals")
        LANGUAGE = "language", _("Preferred language")
        PROVINCE = "province", _("Province or territory")
        CONSENT_CONTACT = "consent_contact", _("Consent to be contacted")
        CONSENT_NEWS = "consent_news", _("Consent to news and digests")

    key = models.CharField(_("question"), max_length=32, unique=True, choices=Key.choices)
    label_en = models.CharField(_("wording (English)"), max_length=300, blank=True)
    label_fr = models.CharField(_("wording (French)"), max_length=300, blank=True)
    help_en = models.CharField(_("hint (English)"), max_length=500, blank=True)
    help_fr = models.CharField(_("hint (French)"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    label = Bilingual()
    help = Bilingual()

    class Meta:
        verbose_name = _("join form question")
        verbose_name_plural = _("join form questions")

    def __str__(self) -> str:
        return self.get_key_display()


class StewardMessage(models.Model):
    """A message stewards send often, kept as an editable template in both languages."""

    class Key(models.TextChoices):
        DECLINE = "decline", _("Declining a request")
        MORE_INFORMATION = "more_information", _("Asking for more information")

    key = models.CharField(_("message"), max_length=32, unique=True, choices=Key.choices)
    body_en = models.TextField(_("text (English)"), max_length=5000, blank=True)
    body_fr = models.TextField(_("text (French)"), max_length=5000, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("steward message")
        verbose_name_plural = _("steward messages")

    def __str__(self) -> str:
        return self.get_key_display()

    def body_in(self, language: str) -> str:
        """The text in ``language``, else the other language's, else the platform's default."""
        own = self.body_fr if language == "fr" else self.body_en
        other = self.body_en if language == "fr" else self.body_fr
        return own or other or default_steward_message(self.key, language)


def default_steward_message(key: str, language: str) -> str:
    with translation.override(language):
        if key == StewardMessage.Key.DECLINE:
            return str(
                _(
                    "Thank you for your interest in our community of practice. After reading your "
                    "request, we do not think the community is the right fit for you at this time. "
                    "We wish you well in your work, and you are welcome to ask again if things change."
                )
            )
        return str(
            _(
                "Thank you for asking to join. Before we decide, could you tell us a little more "
                "about your initiative and how you hope to take part?"
            )
        )


class JoinRequest(models.Model):
    """Someone asking to join. Stored before anything else happens, so it is never lost."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        AWAITING_INFORMATION = "awaiting_information", _("Awaiting information")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    OPEN = (Status.NEW, Status.AWAITING_INFORMATION)

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    organization = models.CharField(_("organization or group"), max_length=200, blank=True)
    initiative = models.TextField(_("initiative"), max_length=4000, blank=True)
    goals = models.TextField(_("goals"), max_length=4000, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES)
    province = models.CharField(_("province or territory"), max_length=8, blank=True)
    consent_news = models.BooleanField(_("wants news and digests"), default=False)

    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.NEW, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    # The first steward decision (approve, decline or a question) measures how long people wait.
    first_response_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The link an applicant uses to answer a steward's question, stored hashed.
    information_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    information_requested_at = models.DateTimeField(null=True, blank=True)
    stewards_notified_at = models.DateTimeField(null=True, blank=True)
    new_invitation_wanted_at = models.DateTimeField(
        _("asked for a new invitation"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["submitted_at", "id"]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="joinrequest_queue_idx"),
            models.Index(fields=["email"], name="joinrequest_email_idx"),
        ]
        constraints = [
            # At most one open request per address: a second submission updates nobody's queue.
            models.UniqueConstraint(
                "email",
                condition=Q(status__in=["new", "awaiting_information"]),
                name="one_open_request_per_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class JoinRequestEvent(models.Model):
    """The history of a request: what happened, who did it, and any message or note."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Request received")
        SUBMITTED_AGAIN = "submitted_again", _("Sent the form again")
        NOTE = "note", _("Steward note")
        INFORMATION_REQUESTED = "information_requested", _("Asked for more information")
        INFORMATION_RECEIVED = "information_received", _("Answered the stewards' question")
        APPROVED = "approved", _("Approved and invited")
        DECLINED = "declined", _("Declined")
        INVITATION_RESENT = "invitation_resent", _("Invitation sent again")
        NEW_INVITATION_WANTED = "new_invitation_wanted", _("Asked for a new invitation")
        JOINED = "joined", _("Joined the community")

    request = models.ForeignKey(JoinRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what happened"), max_length=32, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_name = models.CharField(_("who"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=10_000, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("join request event")
        verbose_name_plural = _("join request history")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"


class Invitation(models.Model):
    """A single-use, expiring link to create an account. Only the token's hash is stored."""

    email = models.EmailField(_("email"))
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    role = models.CharField(_("role"), max_length=16, default="member")
    token_hash = models.CharField(max_length=64, unique=True)
    join_request = models.ForeignKey(
        JoinRequest, on_delete=models.CASCADE, null=True, blank=True, related_name="invitations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_usable(self) -> bool:
        return self.used_at is None and self.revoked_at is None and self.expires_at > timezone.now()


class StewardDigest(models.Model):
    """When stewards were last told about new requests, so they hear at most hourly."""

    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    request_count = models.PositiveIntegerField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M} ({self.request_count})"
