from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """An email waiting to go out, or the record that it went.

    Every message the platform sends is stored here first, in the same transaction as the change
    that caused it, and the task worker delivers it. When the mail server is down the row waits
    and is retried with growing delays, so nothing is lost.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")

    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    from_email = models.CharField(_("from"), max_length=320)
    recipients = models.JSONField(_("to"), default=list)
    subject = models.CharField(_("subject"), max_length=998, blank=True)
    # The complete MIME message, built (and its headers checked) when it was queued.
    raw = models.BinaryField()
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing email")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self) -> str:
        return f"{self.subject} → {', '.join(self.recipients)}"


class Notification(models.Model):
    """Something that happened which one member should hear about, as the feature described it.

    Only plain values are stored: the feature's thing is named by ``target_key`` (to withdraw the
    notification later) and reached through ``url_name`` and ``url_kwargs``, reversed when the
    link is shown, so the member gets it in the language they are reading in. ``title`` keeps
    the thing's title as it was, since the thing may change or go.

    Room to grow, without a redesign:
    - Digests: ``emailed_at`` already says which notifications went out by email. A digest
      adds a delivery choice to ``EmailPreference`` (see there); a daily task then gathers each
      member's notifications with ``emailed_at`` empty for the kinds they want as a digest,
      sends one email, and stamps them.
    - Reply by email: each email is about one notification, so its Reply-To can carry a signed
      notification id (``reply+<signed id>@…``). The incoming mail then leads to the
      notification, whose ``kind`` says which feature's handler to call (a handler added to
      ``Kind``) and whose ``url_kwargs`` say what is being replied to.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    # Null once the actor's account is deleted; shown as "a former member".
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    target_key = models.CharField(_("target"), max_length=200, db_index=True)
    url_name = models.CharField(max_length=200)
    url_kwargs = models.JSONField(default=dict, blank=True)
    fragment = models.CharField(max_length=200, blank=True)
    title = models.TextField(_("title"))
    excerpt = models.TextField(_("excerpt"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The bell's unread count and the member's list both start from this.
            models.Index(
                fields=["recipient", "read_at", "-created_at"], name="notification_inbox_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}: {self.title[:60]}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    @property
    def actor_name(self) -> str:
        return self.actor.display_name if self.actor is not None else str(_("a former member"))

    @property
    def sentence(self) -> str:
        """What happened, as plain text in the active language (templates escape it)."""
        from commonplace.notifications import kinds

        try:
            wording = str(kinds.get(self.kind).sentence)
        except LookupError:
            # The feature that sent it is gone; the title still says what it was about.
            wording = str(_("%(actor)s: “%(title)s”"))
        try:
            return wording % {"actor": self.actor_name, "title": self.title}
        except (KeyError, ValueError, TypeError):
            return self.title

    def target_path(self) -> str:
        """The link to the thing, in the active language, with its fragment.

        A URL that no longer resolves (a feature renamed it) leads to the list instead of a 500.
        """
        try:
            path = reverse(self.url_name, kwargs=self.url_kwargs or {})
        except NoReverseMatch:
            return reverse("notifications:list")
        return f"{path}#{quote(self.fragment)}" if self.fragment else path


class EmailPreference(models.Model):
    """Whether a member wants email for one kind of notification.

    No row means the default, which is to email. A digest later turns ``email`` into a choice
    ("each time", "daily digest", "never") with a data migration mapping True and False onto
    the first and the last; nothing else here needs to change.
    """

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_preferences",
        verbose_name=_("member"),
    )
    kind = models.CharField(_("kind"), max_length=100)
    email = models.BooleanField(_("email me"), default=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("email preference")
        verbose_name_plural = _("email preferences")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "kind"], name="one_email_preference_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} {self.kind}: {'email' if self.email else 'no email'}"
