from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from congdoan.core import registry


def demo_loaders():
    """(app label, idempotent `load(stdout)`) of each app declaring a `demo_loader` (registry)."""
    for label, portal in registry.app_contributions():
        if portal.demo_loader:
            yield label, import_string(portal.demo_loader)


class Command(BaseCommand):
    help = "Load the demo site (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        for label, load in demo_loaders():
            with transaction.atomic():
                load(self.stdout)
            self.stdout.write(f"demo: {label} ok")
