from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "commonplace.notifications"
    label = "notifications"
    verbose_name = _("Notifications and email")

    def ready(self) -> None:
        from commonplace.core import schedule
        from commonplace.notifications import outbox

        schedule.every(60, name="outbox.sweep")(outbox.sweep)
