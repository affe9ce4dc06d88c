from typing import ClassVar

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEMBER = "member", _("Member")
    STEWARD = "steward", _("Steward")
    ADMINISTRATOR = "admin", _("Administrator")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("role", Role.MEMBER)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields["role"] = Role.ADMINISTRATOR
        return self._create(email, password, **fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        # Logins compare emails case-insensitively; addresses are stored lower-cased.
        return self.get(email__iexact=username)


class User(AbstractBaseUser):
    """A person with an account. The role decides what they may do; see accounts.permissions."""

    email = models.EmailField(_("email"), unique=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Deactivated accounts can no longer log in or see members-only pages."),
    )
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        ordering = ["name", "email"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email.split("@", 1)[0]

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name

    # Django admin asks these; an administrator is the only role that uses the admin site.
    @property
    def is_staff(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    @property
    def is_superuser(self) -> bool:
        return self.role == Role.ADMINISTRATOR

    def has_perm(self, perm: str, obj: object = None) -> bool:
        return self.is_active and self.is_superuser

    def has_perms(self, perm_list, obj: object = None) -> bool:
        return all(self.has_perm(perm, obj) for perm in perm_list)

    def has_module_perms(self, app_label: str) -> bool:
        return self.is_active and self.is_superuser


class Consent(models.Model):
    """One consent given or withdrawn, with the exact words the person agreed to and when.

    Rows are never edited: a change of mind is a new row, so the ledger shows the history that
    Canada's anti-spam law (CASL) and PIPEDA ask us to be able to prove. A consent given on the
    join form is recorded against the email address before any account exists, and linked to the
    account when the person joins.
    """

    class Kind(models.TextChoices):
        CONTACT = "contact", _("Being contacted about my membership")
        NEWS = "news", _("News and digests")
        DIRECTORY = "directory", _("Appearing in the member directory")
        STORY = "story", _("Publishing my story")

    email = models.EmailField(_("email"), db_index=True)
    user = models.ForeignKey(
        User, verbose_name=_("account"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="consents",
    )  # fmt: skip
    kind = models.CharField(_("consent"), max_length=16, choices=Kind.choices)
    given = models.BooleanField(_("given"))
    wording = models.TextField(_("wording shown"))
    wording_version = models.CharField(_("wording version"), max_length=64)
    source = models.CharField(_("where"), max_length=64)
    recorded_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consent ledger")
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["user", "kind", "-recorded_at"], name="consent_latest_idx")]

    def __str__(self) -> str:
        return f"{self.email} {self.kind} {'given' if self.given else 'withdrawn'}"
