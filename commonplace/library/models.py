"""The practice library: what members have learned, kept so others can find it, use it and
improve it.

A resource is a story, a tool, a guide, a piece of research, a recording or a recurring problem
with what members tried. Its text is Markdown; its files are checked before they are kept and
served only to people who may read the resource. Every edit keeps the text as it was (a
``ResourceVersion``), and a replaced file stays in storage, marked as replaced.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.bilingual import Bilingual
from commonplace.core.models import FocusArea, Region, Term

TITLE_MAX_LENGTH = 200
SUMMARY_MAX_LENGTH = 600
# A long guide fits; a pasted book does not, and gets a clear message.
BODY_MAX_LENGTH = 60_000
USE_NOTE_MAX_LENGTH = 200


def is_site_path(value: str) -> bool:
    """A path on this site ("/en/conversations/t/4/"): never another host ("//evil.example")
    nor anything a browser could read as a scheme."""
    return (
        value.startswith("/")
        and not value.startswith(("//", "/\\"))
        and not any(character.isspace() or character in "\\<>\"'" for character in value)
    )


class ResourceKind(models.Model):
    """One of the six kinds of resource, with the prompts its body starts from.

    The keys are fixed (code relies on "problem" for the recurring problems shelf); stewards
    reword the names, descriptions and prompts in both languages.
    """

    class Key(models.TextChoices):
        STORY = "story", _("Story")
        TOOL = "tool", _("Tool or template")
        GUIDE = "guide", _("Guide")
        RESEARCH = "research", _("Research or evaluation")
        RECORDING = "recording", _("Recording")
        PROBLEM = "problem", _("Recurring problem")

    key = models.CharField(max_length=12, choices=Key.choices, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    description_fr = models.CharField(_("description (French)"), max_length=300, blank=True)
    template_en = models.TextField(_("prompts (English)"), max_length=4000, blank=True)
    template_fr = models.TextField(_("prompts (French)"), max_length=4000, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    name = Bilingual()
    description = Bilingual()
    template = Bilingual()

    class Meta:
        verbose_name = _("kind of resource")
        verbose_name_plural = _("kinds of resource")
        ordering = ["position", "key"]

    def __str__(self) -> str:
        return self.name_en


class Audience(Term):
    """Who a resource is written for: organizers, volunteers, clinicians, caregivers…"""

    class Meta(Term.Meta):
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Resource(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Shared with members")
        ARCHIVED = "archived", _("Archived")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        BOTH = "both", _("English and French")

    class Licence(models.TextChoices):
        CC_BY = "cc-by-4.0", _("CC BY 4.0 (others may reuse it with credit)")
        CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0 (reuse with credit, same licence)")
        CC_BY_NC = "cc-by-nc-4.0", _("CC BY-NC 4.0 (reuse with credit, not for sale)")
        CC0 = "cc0", _("CC0 (no rights reserved)")
        RESERVED = "reserved", _("All rights reserved")

    kind = models.ForeignKey(
        ResourceKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="resources"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    # Only decoration in the address: the id finds the resource.
    slug = models.SlugField(max_length=80, blank=True)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH, blank=True)
    body_html = models.TextField(editable=False, default="")
    areas = models.ManyToManyField(
        FocusArea, verbose_name=_("focus areas"), blank=True, related_name="resources"
    )
    audiences = models.ManyToManyField(
        Audience, verbose_name=_("audience"), blank=True, related_name="resources"
    )
    # Empty means the resource is for the whole country.
    region = models.ForeignKey(
        Region, verbose_name=_("province or territory"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    language = models.CharField(_("language"), max_length=4, choices=Language.choices)
    licence = models.CharField(_("licence"), max_length=16, choices=Licence.choices)
    authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("authors"), blank=True,
        related_name="library_resources",
    )  # fmt: skip
    # People outside the community who wrote or shaped it, one per line.
    credits = models.TextField(_("other authors and credits"), max_length=2000, blank=True)
    links = models.TextField(_("links"), max_length=4000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("shared by"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Set by a steward: a published resource then shows on the public library page too.
    is_public = models.BooleanField(_("public"), default=False)
    # Its translation, kept pointing both ways by the services.
    translation = models.OneToOneField(
        "self", verbose_name=_("translation"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    # The conversation a discussion was turned into this resource from.
    source_topic = models.ForeignKey(
        "conversations.Topic", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    # Where members comment on it: a topic in the library's space, made when first needed.
    discussion = models.OneToOneField(
        "conversations.Topic", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="library_resource",
    )  # fmt: skip
    # Kept by the services so lists never count rows.
    use_count = models.PositiveIntegerField(_("used by"), default=0)
    version_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    published_at = models.DateTimeField(_("shared"), null=True, blank=True)

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="resource_new_idx"),
            models.Index(fields=["status", "-use_count"], name="resource_used_idx"),
            models.Index(fields=["kind", "status", "-published_at"], name="resource_kind_idx"),
            models.Index(
                fields=["is_public", "status", "-published_at"], name="resource_public_idx"
            ),
            models.Index(fields=["language", "status", "-published_at"], name="resource_lang_idx"),
            models.Index(
                fields=["licence", "status", "-published_at"], name="resource_licence_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def link_list(self) -> list[str]:
        """The addresses, one per line. The form accepts only http(s) addresses and paths on
        this site; this drops anything else that reached the column another way, so no page
        offers it."""
        return [
            line.strip()
            for line in self.links.splitlines()
            if line.strip().lower().startswith(("https://", "http://"))
            or is_site_path(line.strip())
        ]

    def credit_list(self) -> list[str]:
        return [line.strip() for line in self.credits.splitlines() if line.strip()]


def file_path(resource_file: "ResourceFile", filename: str) -> str:
    # A random name: the address says nothing of the resource or its author, and storage is
    # never served directly, only through the view that checks who asks.
    extension = ResourceFile.EXTENSIONS.get(resource_file.content_type, "")
    return f"library/files/{secrets.token_hex(16)}{extension}"


class ResourceFile(models.Model):
    """A file of a resource. A replaced file stays (``replaced_at`` set), so earlier uploads
    remain with the versions they belonged to."""

    class Kind(models.TextChoices):
        PDF = "pdf", _("PDF")
        DOCX = "docx", _("Word document")
        XLSX = "xlsx", _("Excel spreadsheet")
        PPTX = "pptx", _("PowerPoint presentation")
        IMAGE = "image", _("Image")

    class Extraction(models.TextChoices):
        NONE = "none", _("No text to read")
        WAITING = "waiting", _("Waiting to be read")
        DONE = "done", _("Text read")
        FAILED = "failed", _("Could not be read")

    DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    EXTENSIONS = {
        "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif",
        "application/pdf": ".pdf", DOCX_TYPE: ".docx", XLSX_TYPE: ".xlsx", PPTX_TYPE: ".pptx",
    }  # fmt: skip

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="files")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("file"), upload_to=file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)
    # The words inside a PDF or Word document, read by a task so search can find them.
    text = models.TextField(blank=True, default="")
    extraction = models.CharField(max_length=8, choices=Extraction.choices, default="none")
    extraction_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["pk"]
        indexes = [models.Index(fields=["extraction"], name="resourcefile_extraction_idx")]

    def __str__(self) -> str:
        return self.original_name


class ResourceVersion(models.Model):
    """The text of a resource as one edit left it; version 1 is the text it was shared with."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    # The files the resource had once this version was saved.
    file_ids = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="resource_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} v{self.number}"


class ResourceUse(models.Model):
    """A member's "I used this": the value the library gave, in their own words."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="uses")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(_("how you used it"), max_length=USE_NOTE_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "member"], name="resource_use_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} used {self.resource_id}"


class TranslationRequest(models.Model):
    """A member asking for a resource in the other language; stewards see the open ones."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="translation_requests"
    )
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "member"], name="translation_request_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} asks for {self.resource_id}"


class EditSuggestion(models.Model):
    """A member's proposed new text, which an author or a steward accepts or declines."""

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="suggestions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    summary = models.TextField(_("summary"), max_length=SUMMARY_MAX_LENGTH)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH, blank=True)
    note = models.CharField(_("why this change"), max_length=300, blank=True)
    # The version the suggestion was written against, to show what it changes.
    based_on = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default="open")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["resource", "status"], name="suggestion_open_idx")]

    def __str__(self) -> str:
        return f"suggestion {self.pk} on {self.resource_id}"


class Collection(models.Model):
    """A shelf stewards curate, such as "Starting a Compassionate Community"."""

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=1000, blank=True)
    description_fr = models.TextField(_("description (French)"), max_length=1000, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    resources = models.ManyToManyField(
        Resource, through="CollectionItem", blank=True, related_name="collections"
    )

    name = Bilingual()
    description = Bilingual()

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        ordering = ["position", "name_en"]

    def __str__(self) -> str:
        return self.name_en


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "resource"], name="collection_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.resource_id} in {self.collection_id}"
