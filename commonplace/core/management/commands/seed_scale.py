import secrets
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from commonplace.core import seeding


class Command(BaseCommand):
    """Fill the database with a large synthetic community for `make bench`.

    Each app's ``scale.py`` adds its share with bulk inserts (see core/seeding.py). Running it
    again only adds what is missing. All scale accounts share one password, written with a
    member's and a steward's address to ``VAR_DIR/bench-login.json`` for the bench to log in.
    """

    help = (
        "Create a large synthetic community with bulk inserts, for `make bench` "
        "(safe to run again: it only adds what is missing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--members", type=int, default=10_000, help="How many members (default 10,000)."
        )
        parser.add_argument(
            "--audit-entries",
            type=int,
            default=None,
            help="How many audit log entries (default: twice the members).",
        )
        parser.add_argument(
            "--join-requests",
            type=int,
            default=10_000,
            help="How many join requests, mostly decided long ago (default 10,000).",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="The password of every scale account (default: the one in bench-login.json, "
            "or a new random one).",
        )

    def handle(
        self,
        *args,
        members: int,
        audit_entries: int | None,
        join_requests: int,
        password: str | None,
        **options,
    ):
        if members < 1:
            raise CommandError("--members must be at least 1.")
        started = time.perf_counter()

        def log(message: str) -> None:
            if options["verbosity"] > 0:
                self.stdout.write(f"{time.perf_counter() - started:6.1f} s  {message}")

        # Keep the password of the previous run so an existing bench database stays usable.
        stored = next((login.password for login in seeding.load_bench_logins()), None)
        password = password or stored or secrets.token_urlsafe(16)

        # One transaction: SQLite writes tens of thousands of rows far faster inside one.
        with transaction.atomic():
            logins = seeding.seed_scale(
                log,
                {
                    "members": members,
                    "audit_entries": audit_entries,
                    "join_requests": join_requests,
                    "password": password,
                },
            )
        if connection.vendor == "postgresql":
            # Autovacuum would get to it within minutes; until then PostgreSQL plans the bench's
            # queries for the nearly empty tables it last saw.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.perf_counter() - started
        seeding.save_bench_logins(logins)
        self.stdout.write(
            self.style.SUCCESS(
                f"The scale community of {members:,} members is ready ({elapsed:.1f} s). "
                f"Logins for the bench are in {seeding.bench_logins_path()}."
            )
        )
