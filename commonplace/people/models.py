from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.models import FocusArea, OrganizationType, SpokenLanguage


class Visibility(models.TextChoices):
    MEMBERS = "members", _("Members")
    STEWARDS = "stewards", _("Stewards only")
    NOBODY = "nobody", _("Only me")


# Every profile field a member can show or hide, and who sees it until they choose.
# The name is not here: it is how members recognise each other and is always shown.
VISIBILITY_DEFAULTS: dict[str, str] = {
    "email": Visibility.STEWARDS,
    "pronouns": Visibility.MEMBERS,
    "photo": Visibility.MEMBERS,
    "organization": Visibility.MEMBERS,
    "organization_type": Visibility.MEMBERS,
    "role_title": Visibility.MEMBERS,
    "province": Visibility.MEMBERS,
    "city": Visibility.MEMBERS,
    "time_zone": Visibility.MEMBERS,
    "languages": Visibility.MEMBERS,
    "bio": Visibility.MEMBERS,
    "focus_areas": Visibility.MEMBERS,
    "expertise": Visibility.MEMBERS,
    "interests": Visibility.MEMBERS,
    "links": Visibility.MEMBERS,
    "initiative": Visibility.MEMBERS,
    "goals": Visibility.STEWARDS,
}


def photo_path(profile: "Profile", filename: str) -> str:
    # A random name: a photo's address reveals nothing, and the view checks who may see it.
    import secrets

    return f"people/photos/{profile.user_id}-{secrets.token_hex(8)}.jpg"


class Profile(models.Model):
    """What a member tells the community about their work, and who may see each part."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    # The file as uploaded, until the worker has checked, resized and stripped it into `photo`.
    photo_upload = models.FileField(upload_to="people/uploads/", blank=True)
    organization = models.CharField(_("organization or group"), max_length=200, blank=True)
    organization_type = models.ForeignKey(
        OrganizationType,
        verbose_name=_("type of organization"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    role_title = models.CharField(_("role or title"), max_length=150, blank=True)
    province = models.CharField(_("province or territory"), max_length=8, blank=True)
    city = models.CharField(_("community or city"), max_length=120, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    languages = models.ManyToManyField(
        SpokenLanguage, verbose_name=_("languages spoken"), blank=True, related_name="+"
    )
    bio = models.TextField(_("about me"), max_length=2000, blank=True)
    areas = models.ManyToManyField(
        FocusArea,
        through="ProfileArea",
        verbose_name=_("focus areas"),
        blank=True,
        related_name="+",
    )
    expertise = models.TextField(_("I can help with"), max_length=1000, blank=True)
    interests = models.TextField(_("I want to learn about"), max_length=1000, blank=True)
    links = models.TextField(_("links"), max_length=2000, blank=True)
    initiative = models.TextField(_("your initiative or project"), max_length=4000, blank=True)
    goals = models.TextField(_("your goals in the community"), max_length=4000, blank=True)

    visibility = models.JSONField(_("who sees what"), default=dict)
    # Kept in step with the consent ledger by services; a column so every directory query can
    # filter on it directly.
    in_directory = models.BooleanField(_("listed in the directory"), default=False, db_index=True)
    accepts_messages = models.BooleanField(_("accepts messages from members"), default=True)
    completed_at = models.DateTimeField(_("profile completed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [models.Index(fields=["in_directory", "province"], name="profile_directory_idx")]

    def __str__(self) -> str:
        return str(self.user)

    def visibility_of(self, field: str) -> str:
        return self.visibility.get(field) or VISIBILITY_DEFAULTS[field]

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class ProfileArea(models.Model):
    """How a member relates to a focus area: works on it, can help with it, wants to learn it."""

    class Relation(models.TextChoices):
        WORKS_ON = "works_on", _("Works on")
        CAN_HELP = "can_help", _("Can help with")
        WANTS_TO_LEARN = "wants_to_learn", _("Wants to learn about")

    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="area_links")
    area = models.ForeignKey(FocusArea, on_delete=models.CASCADE, related_name="+")
    relation = models.CharField(max_length=16, choices=Relation.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "area", "relation"], name="one_relation_per_area"
            )
        ]
        indexes = [models.Index(fields=["area", "relation"], name="profilearea_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.profile} {self.relation} {self.area}"


class Contribution(models.Model):
    """Evidence of what a member has done, written by the features where it happened.

    "Who knows what" ranks people by what they declare and by this ledger, so that the person
    who has answered five questions about caregiver networks is found even if they never
    thought to list it. See ``people.services.contribution_record``.
    """

    class Kind(models.TextChoices):
        INITIATIVE = "initiative", _("initiative led")
        ACCEPTED_ANSWER = "accepted_answer", _("accepted answer")
        RESOURCE_SHARED = "resource_shared", _("resource shared")
        RESOURCE_USED = "resource_used", _("resource others used")
        EVENT_HOSTED = "event_hosted", _("event hosted")

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contributions"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("link"), max_length=500, blank=True)
    focus_areas = models.ManyToManyField(FocusArea, blank=True, related_name="+")
    # Where it was recorded from, so recording the same act twice changes nothing.
    source = models.CharField(max_length=100, blank=True)
    source_id = models.CharField(max_length=64, blank=True)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-occurred_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind", "source", "source_id"],
                name="one_contribution_per_act",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_kind_display()} — {self.title}"


class MemberMessage(models.Model):
    """That one member wrote to another: a row per recipient when a private conversation starts.

    Only who and when, never the text (that lives with the private conversation), so that
    "people like me" can leave out people one already knows.
    """

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_sent"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messages_received"
    )
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.sender_id} → {self.recipient_id}"


class DataExport(models.Model):
    """A member's copy of their data: built by a task, downloaded through an expiring link."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    requested_at = models.DateTimeField(default=timezone.now)
    ready_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    file = models.FileField(upload_to="people/exports/", blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"export {self.pk} for {self.member_id}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()
