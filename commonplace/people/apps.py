from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "commonplace.people"
    label = "people"
    verbose_name = _("People")

    def ready(self) -> None:
        from commonplace.core import schedule
        from commonplace.people import services, visibility
        from commonplace.search import registry

        registry.register("profile", visibility.all_search_documents)
        registry.register_finder(
            registry.Finder(
                key="people",
                label=_("People"),
                find=visibility.find,
                more_url=visibility.more_url,
                position=30,
            )
        )
        # Expired data downloads are deleted within the hour (DATA_EXPORT_DAYS).
        schedule.every(3600, name="people.data_exports_expire")(services.data_exports_expire)
