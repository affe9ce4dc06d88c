from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "commonplace.conversations"
    label = "conversations"
    verbose_name = _("Conversations")

    def ready(self) -> None:
        from commonplace.conversations import notices

        notices.register_kinds()
