from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivateMessagesConfig(AppConfig):
    name = "commonplace.private_messages"
    label = "private_messages"
    verbose_name = _("Private messages")

    def ready(self) -> None:
        from commonplace.accounts import deletion
        from commonplace.private_messages import notices, services

        notices.register_kinds()
        deletion.register("private_messages", services.member_leave_all)
