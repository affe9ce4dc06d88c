from django.core.management.base import BaseCommand, CommandError

from commonplace.search import registry, services


class Command(BaseCommand):
    """Clear the search index and fill it again from what each feature registered.

    Safe to run on a live site: it runs in one transaction, so searches see the old index until
    the new one is complete.
    """

    help = "Clear the search index and rebuild it from the registered providers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            help="Rebuild only this kind of entry (e.g. profile); the others are left alone.",
        )

    def handle(self, *args, **options):
        kind = options["kind"]
        known = sorted(registry.providers())
        if kind is not None and kind not in known:
            raise CommandError(
                f"No search provider is registered for {kind!r}. "
                f"Known kinds: {', '.join(known) or 'none'}."
            )
        counts = services.rebuild(kind=kind)
        for name, count in sorted(counts.items()):
            self.stdout.write(f"  {name:<20} {count} entries")
        self.stdout.write(self.style.SUCCESS("The search index is rebuilt."))
