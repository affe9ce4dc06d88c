from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "commonplace.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from commonplace.people import visibility
        from commonplace.search import registry

        registry.register("profile", visibility.all_search_documents)
