"""`manage.py load_demo`: the demo site, loaded once into an empty database and never again."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from congdoan.core.demo import database_is_empty, demo_login_lines


def demo_modules():
    """Each project app may have a `demo` module with a `load(stdout)`."""
    for config in apps.get_app_configs():
        if config.name.startswith("congdoan.") and find_spec(f"{config.name}.demo"):
            yield config.label, import_module(f"{config.name}.demo")


class Command(BaseCommand):
    help = (
        "Load the demo site into an empty database. A database holding any account or content "
        "(the demo loaded before included, even with demo articles deleted since) is left alone."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            if not database_is_empty():
                self.stdout.write(_("Demo content not loaded: the database is not empty."))
                return
            # One transaction: a load that fails half-way leaves the database empty, so the next
            # start loads the whole demo instead of refusing a half-loaded one.
            with transaction.atomic():
                for label, module in demo_modules():
                    module.load(self.stdout)
                    self.stdout.write(f"demo: {label} ok")
        for line in demo_login_lines():
            self.stdout.write(line)
