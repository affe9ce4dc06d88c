from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.bilingual import Bilingual


class Community(models.Model):
    """The community's own name and tagline; one row, edited by stewards.

    Names are data so that any community of practice can run on the platform unchanged.
    """

    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    tagline_en = models.CharField(_("tagline (English)"), max_length=240, blank=True)
    tagline_fr = models.CharField(_("tagline (French)"), max_length=240, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    name = Bilingual()
    tagline = Bilingual()

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("community")

    def __str__(self) -> str:
        return self.name_en


class Page(models.Model):
    """A page of site content written in Markdown, in English and French, by stewards."""

    class Slug(models.TextChoices):
        HOME = "home", _("Home page")
        PRIVACY = "privacy", _("Privacy notice")
        GUIDELINES = "guidelines", _("Community guidelines")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    slug = models.SlugField(_("page"), max_length=40, unique=True, choices=Slug.choices)
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    body_en = models.TextField(_("text (English)"), max_length=50_000)
    body_fr = models.TextField(_("text (French)"), max_length=50_000, blank=True)
    # Rendered once on save (see services.page_update) so reading a page never parses Markdown.
    body_html_en = models.TextField(editable=False, default="")
    body_html_fr = models.TextField(editable=False, default="")
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    title = Bilingual()
    body_html = Bilingual()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.get_slug_display()

    def get_absolute_url(self) -> str:
        if self.slug == self.Slug.HOME:
            return reverse("core:home")
        return reverse("core:page", kwargs={"slug": self.slug})


class AuditEntry(models.Model):
    """One steward decision or moderation act: who did what to what, when, and why."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Kept as text so the log still reads correctly after an account is deleted.
    actor_name = models.CharField(_("who"), max_length=200, blank=True)
    verb = models.CharField(_("action"), max_length=80, db_index=True)
    target_type = models.CharField(_("kind of record"), max_length=100, blank=True)
    target_id = models.CharField(_("record"), max_length=64, blank=True)
    target_label = models.CharField(_("about"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="audit_target_idx")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.verb} {self.target_label}"


class WorkerHeartbeat(models.Model):
    """Each running task worker touches its row every few seconds; /healthz reads them."""

    worker_id = models.CharField(max_length=64, unique=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField()
    last_seen = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class Term(models.Model):
    """A word of the community's shared vocabulary, in both languages, that stewards edit.

    Subclasses are the taxonomies: focus areas, organization types, regions, languages spoken.
    The slug is stable (URLs and filters use it); the names can be reworded at any time.
    """

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    name = Bilingual()

    class Meta:
        abstract = True
        ordering = ["position", "name_en"]

    def __str__(self) -> str:
        return self.name


class FocusArea(Term):
    """What the community cares about (e.g. caregiver support); used by every feature to tag."""

    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    description_fr = models.CharField(_("description (French)"), max_length=300, blank=True)

    description = Bilingual()

    class Meta(Term.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")


class OrganizationType(Term):
    class Meta(Term.Meta):
        verbose_name = _("organization type")
        verbose_name_plural = _("organization types")


class Region(Term):
    """Where members are: Canada's provinces and territories for this community."""

    class Meta(Term.Meta):
        verbose_name = _("province or territory")
        verbose_name_plural = _("provinces and territories")


class SpokenLanguage(Term):
    class Meta(Term.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")
