from django.core.management.base import BaseCommand

from congdoan.search.stats import KEEP_DAYS, prune


class Command(BaseCommand):
    help = "Delete search statistics older than --days days (run daily by the scheduler)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=KEEP_DAYS)

    def handle(self, *args, days, **options):
        deleted = prune(max(1, days))
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} search statistics rows older than {days} days.")
