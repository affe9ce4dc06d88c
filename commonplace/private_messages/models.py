"""Private conversations: a subject, from 2 to 10 participants, and numbered messages.

Only the participants who have not left ever see a conversation; there is no moderator's view.
Messages are numbered from 1 within their conversation, and a participant's read position is
the number of the last message they have seen, so "unread" is a subtraction, not a count.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The same limits as posts in conversations: room for care, no 1 MB pastes.
BODY_MAX_LENGTH = 20_000
SUBJECT_MAX_LENGTH = 200
# Counting the person who starts it: a private conversation, not a mailing list.
MIN_PEOPLE = 2
MAX_PEOPLE = 10


class PrivateConversation(models.Model):
    subject = models.CharField(_("subject"), max_length=SUBJECT_MAX_LENGTH)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    # The number the latest message got; raised by an UPDATE so two messages never share one.
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("private conversation")
        verbose_name_plural = _("private conversations")
        indexes = [
            models.Index(fields=["-last_activity_at", "-id"], name="private_latest_idx"),
        ]

    def __str__(self) -> str:
        return f"private conversation {self.pk}"


class Participant(models.Model):
    """One member's place in a conversation: when they joined, left, muted it, and read it."""

    conversation = models.ForeignKey(
        PrivateConversation, verbose_name=_("conversation"), on_delete=models.CASCADE,
        related_name="participants",
    )  # fmt: skip
    # A deleted account takes its participation with it; its messages stay for the others.
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE,
        related_name="private_participations",
    )  # fmt: skip
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    muted = models.BooleanField(_("muted"), default=False)
    read_number = models.PositiveIntegerField(_("read up to"), default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "member"], name="participant_once"),
        ]
        indexes = [
            # The inbox and the header's count both start from a member's current places.
            models.Index(fields=["member", "left_at"], name="participant_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} in {self.conversation_id}"

    @property
    def has_left(self) -> bool:
        return self.left_at is not None


class PrivateMessage(models.Model):
    conversation = models.ForeignKey(
        PrivateConversation, verbose_name=_("conversation"), on_delete=models.CASCADE,
        related_name="messages",
    )  # fmt: skip
    number = models.PositiveIntegerField(_("number"))
    # A deleted account leaves its messages to "a former member", in the others' copy.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL,
        null=True, related_name="private_messages",
    )  # fmt: skip
    body = models.TextField(_("text"), max_length=BODY_MAX_LENGTH)
    body_html = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("private message")
        verbose_name_plural = _("private messages")
        ordering = ["conversation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "number"], name="private_message_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.conversation_id}#{self.number}"
