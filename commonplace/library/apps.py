from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "commonplace.library"
    label = "library"
    verbose_name = _("Library")

    def ready(self) -> None:
        from commonplace.accounts import deletion
        from commonplace.library import finding, notices, services

        notices.register_kinds()
        finding.register_search()
        deletion.register("library", services.member_forget)
