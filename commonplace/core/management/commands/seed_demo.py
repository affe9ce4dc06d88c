from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from commonplace.core import seeding


class Command(BaseCommand):
    help = "Create the demo community (safe to run again: it only adds what is missing)."

    def handle(self, *args, **options):
        log = self.stdout.write if options["verbosity"] > 1 else (lambda message: None)
        with transaction.atomic():
            logins = seeding.seed_demo(log)
        seeding.save_demo_logins(logins)
        self.stdout.write(self.style.SUCCESS("The demo community is ready."))
        if settings.DEBUG:
            for login in logins:
                self.stdout.write(f"  {login.role:<14} {login.email:<34} {login.password}")
        else:
            self.stdout.write(
                "Demo passwords are only printed in development (DEBUG=true); "
                f"they are kept in {seeding.demo_logins_path()}."
            )
