from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembershipConfig(AppConfig):
    name = "commonplace.membership"
    label = "membership"
    verbose_name = _("Membership")

    def ready(self) -> None:
        from commonplace.core import schedule
        from commonplace.membership import tasks

        # Stewards hear about new requests in one email at most every hour.
        schedule.every(300, name="membership.steward_digest")(tasks.steward_digest_if_due)
