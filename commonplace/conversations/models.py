"""Spaces hold topics; a topic is a discussion or a question; replies form a flat, numbered list.

Replies are numbered from 1 within their topic. The number is the reply's permalink, the unit
of a member's read position ("read up to 37") and never changes, even when a reply is deleted
or hidden, so links and read positions stay right.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from commonplace.core.bilingual import Bilingual
from commonplace.core.models import FocusArea

# Enough for a long, careful post; a 1 MB paste gets a clear message instead of a slow page.
BODY_MAX_LENGTH = 20_000
TITLE_MAX_LENGTH = 200


class Colour(models.TextChoices):
    # Each colour keeps 4.5:1 contrast with white text; see static/css/site.css.
    TEAL = "teal", _("Teal")
    BLUE = "blue", _("Blue")
    PURPLE = "purple", _("Purple")
    ROSE = "rose", _("Rose")
    OCHRE = "ochre", _("Ochre")
    GREEN = "green", _("Green")
    SLATE = "slate", _("Slate")


class Space(models.Model):
    """A place for conversations on one subject, open to every member or to a private group."""

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    description_en = models.TextField(_("description (English)"), max_length=1000, blank=True)
    description_fr = models.TextField(_("description (French)"), max_length=1000, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    colour = models.CharField(_("colour"), max_length=12, choices=Colour.choices, default="teal")
    is_private = models.BooleanField(
        _("private"),
        default=False,
        help_text=_("Only the members listed below, the facilitators and stewards can see it."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True,
        related_name="private_spaces",
    )  # fmt: skip
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("facilitators"), blank=True,
        related_name="facilitated_spaces",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Topics members can see, kept by the services: the list of spaces never counts rows.
    topic_count = models.PositiveIntegerField(default=0, editable=False)

    name = Bilingual()
    description = Bilingual()

    class Meta:
        verbose_name = _("space")
        verbose_name_plural = _("spaces")
        ordering = ["position", "name_en"]

    def __str__(self) -> str:
        return self.name_en


class Topic(models.Model):
    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Discussion")
        QUESTION = "question", _("Question")

    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.PROTECT, related_name="topics"
    )
    # A deleted account leaves its topics to "a former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL,
        null=True, related_name="topics",
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default="discussion")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    # Only decoration in the address: the id finds the topic, so old links survive a new title.
    slug = models.SlugField(max_length=80, allow_unicode=False, blank=True)
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, default="")
    areas = models.ManyToManyField(
        FocusArea, verbose_name=_("focus areas"), blank=True, related_name="topics"
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_hidden = models.BooleanField(_("hidden by moderators"), default=False)
    # A new member's post waiting for a moderator (see Policy): shown to its author and
    # moderators only, and announced to nobody until it is approved.
    is_pending = models.BooleanField(_("waiting for approval"), default=False)
    # Set when moderators merged this topic into another; its addresses lead there.
    # No index of its own: nothing looks topics up by it, and SQLite would pick such an index
    # for "merged_into IS NULL" (every row) over the one that keeps lists in order.
    merged_into = models.ForeignKey(
        "self", verbose_name=_("merged into"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", db_index=False,
    )  # fmt: skip
    # Set when moderators split this topic off another: the reply that became its opening post.
    split_from_topic_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    split_from_number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    accepted_reply = models.ForeignKey(
        "Reply", verbose_name=_("accepted answer"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    # Kept by the services so lists never count rows: replies members can see, and the
    # number the next reply gets.
    reply_count = models.PositiveIntegerField(default=0)
    last_number = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            # A space's list: pinned topics first, then the latest.
            models.Index(
                fields=["space", "-is_pinned", "-last_activity_at"], name="topic_space_latest_idx"
            ),
            models.Index(fields=["-last_activity_at"], name="topic_latest_idx"),
            models.Index(fields=["author", "-last_activity_at"], name="topic_author_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_question(self) -> bool:
        return self.kind == self.Kind.QUESTION


class Reply(models.Model):
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="replies"
    )
    number = models.PositiveIntegerField(_("number"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL,
        null=True, related_name="replies",
    )  # fmt: skip
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, default="")
    in_reply_to = models.ForeignKey(
        "self", verbose_name=_("in reply to"), on_delete=models.SET_NULL, null=True,
        blank=True, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    # Deleting keeps the row (and its number) so links and quotes still point somewhere.
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)
    is_hidden = models.BooleanField(_("hidden by moderators"), default=False)
    is_pending = models.BooleanField(_("waiting for approval"), default=False)
    # Where the reply was before moderators merged or split topics (number 0: it was the
    # opening post), so its old links still find it.
    moved_from_topic_id = models.PositiveIntegerField(null=True, blank=True, editable=False)
    moved_from_number = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ["topic", "number"]
        constraints = [
            models.UniqueConstraint(fields=["topic", "number"], name="reply_number_unique")
        ]
        indexes = [
            models.Index(
                fields=["moved_from_topic_id", "moved_from_number"], name="reply_moved_from_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.topic_id}#{self.number}"

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and not self.is_hidden and not self.is_pending


def attachment_path(attachment: "Attachment", filename: str) -> str:
    # A random name: the address of a file says nothing of its post, its author or its name,
    # and it is never served from storage directly, only by the view that checks who asks.
    extension = Attachment.EXTENSIONS.get(attachment.content_type, "")
    return f"conversations/files/{secrets.token_hex(16)}{extension}"


class Attachment(models.Model):
    """A file attached to a topic's opening post (``reply`` empty) or to one of its replies.

    Only files whose content was checked (commonplace/conversations/attachments.py) are kept.
    When a reply is deleted its files stay, like its row, but nobody is served them any more.
    """

    class Kind(models.TextChoices):
        IMAGE = "image", _("Image")
        PDF = "pdf", _("PDF")
        DOCX = "docx", _("Word document")

    DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    # The stored file's extension, from the type found in its content (never the uploaded name).
    EXTENSIONS = {
        "image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif",
        "application/pdf": ".pdf", DOCX_TYPE: ".docx",
    }  # fmt: skip

    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="attachments"
    )
    reply = models.ForeignKey(
        Reply, verbose_name=_("reply"), on_delete=models.CASCADE, null=True, blank=True,
        related_name="attachments",
    )  # fmt: skip
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL,
        null=True, related_name="+",
    )  # fmt: skip
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    # The name as it arrived, kept exactly: shown (escaped) on the page and offered again when
    # the file is downloaded.
    original_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class Revision(models.Model):
    """The text of a topic or reply as it was before an edit; the history anyone can read."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="revisions")
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="revisions"
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(max_length=TITLE_MAX_LENGTH, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.topic_id}/{self.reply_id or 0} @ {self.created_at:%Y-%m-%d %H:%M}"


class Reaction(models.Model):
    class Kind(models.TextChoices):
        HELPFUL = "helpful", _("Helpful")
        THANKS = "thanks", _("Thank you")

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="reactions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reply", "member", "kind"], name="reaction_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} on {self.reply_id}"


class ReadPosition(models.Model):
    """How far a member has read a topic: every reply up to ``number`` has been on their screen."""

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_positions")
    number = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "topic"], name="read_position_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} read {self.topic_id} to {self.number}"


class TopicFollow(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_topics"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "topic"], name="topic_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} follows topic {self.topic_id}"


class SpaceFollow(models.Model):
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_spaces"
    )
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="follows")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "space"], name="space_follow_once")
        ]

    def __str__(self) -> str:
        return f"{self.member_id} follows space {self.space_id}"


class Flag(models.Model):
    """A member's report that a post needs a moderator's eyes."""

    class Reason(models.TextChoices):
        DISRESPECTFUL = "disrespectful", _("Disrespectful or unkind")
        PRIVATE = "private", _("Shares someone's private information")
        SPAM = "spam", _("Spam or advertising")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    class Outcome(models.TextChoices):
        OPEN = "open", _("Waiting")
        HIDDEN = "hidden", _("Post hidden")
        DISMISSED = "dismissed", _("Left as it is")

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="flags")
    # Empty when the flag is about the topic's own text.
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="flags"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("anything moderators should know"), max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default="open")
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["outcome", "created_at"], name="flag_queue_idx")]

    def __str__(self) -> str:
        return f"{self.reason} on {self.topic_id}/{self.reply_id or 0}"


class Policy(models.Model):
    """How much a new member's posts are watched; one row, which stewards change.

    A member is trusted once ``trusted_after`` of their posts are published. Until then their
    links and images show as plain text, they may post less often, and, when
    ``hold_first_posts`` is on, each post waits for a moderator's approval.
    """

    hold_first_posts = models.BooleanField(
        _("New members' posts wait for a moderator's approval"), default=False
    )
    trusted_after = models.PositiveSmallIntegerField(
        _("Published posts before a member is trusted"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("moderation policy")
        verbose_name_plural = _("moderation policy")

    def __str__(self) -> str:
        return f"hold={self.hold_first_posts} trusted_after={self.trusted_after}"
