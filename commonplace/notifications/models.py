from django.db import models
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
