from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


def demo_modules():
    """Each project app may have a `demo` module with an idempotent `load(stdout)`."""
    for config in apps.get_app_configs():
        if config.name.startswith("congdoan.") and find_spec(f"{config.name}.demo"):
            yield config.label, import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = "Load the demo site (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        for label, module in demo_modules():
            with transaction.atomic():
                module.load(self.stdout)
            self.stdout.write(f"demo: {label} ok")
