from django.core.management.base import BaseCommand

from congdoan.legal.linking import rebuild_citations


class Command(BaseCommand):
    help = "Recompute which live articles cite which legal documents."

    def handle(self, *args, **options):
        count = rebuild_citations()
        self.stdout.write(f"{count} citations")
