from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonplace.core.canada import Province


class Profile(models.Model):
    """What a member tells the community about their work (minimal for now; it grows with
    the directory)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    organization = models.CharField(_("organization or group"), max_length=200, blank=True)
    province = models.CharField(
        _("province or territory"), max_length=2, choices=Province.choices, blank=True
    )
    initiative = models.TextField(_("your initiative or project"), max_length=4000, blank=True)
    goals = models.TextField(_("your goals in the community"), max_length=4000, blank=True)
    completed_at = models.DateTimeField(_("profile completed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
