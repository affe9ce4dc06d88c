from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConversationsConfig(AppConfig):
    name = "commonplace.conversations"
    label = "conversations"
    verbose_name = _("Conversations")

    def ready(self) -> None:
        from commonplace.accounts import deletion
        from commonplace.conversations import finding, leaving, notices
        from commonplace.search import registry

        notices.register_kinds()
        deletion.register("conversations", leaving.member_forget)
        registry.register(finding.KIND, finding.all_topic_documents)
        registry.register_finder(
            registry.Finder(
                key="topics",
                label=_("Conversations"),
                find=finding.find,
                more_url=finding.more_url,
                position=20,
            )
        )
