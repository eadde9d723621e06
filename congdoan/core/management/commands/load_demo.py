"""`manage.py load_demo`: the demo site, loaded once into an empty database and never again."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from congdoan.core import registry
from congdoan.core.demo import database_is_empty, demo_login_lines


def demo_loaders():
    """(app label, `load(stdout)`) of each app declaring a `demo_loader` (registry)."""
    for label, portal in registry.app_contributions():
        if portal.demo_loader:
            yield label, import_string(portal.demo_loader)


class Command(BaseCommand):
    help = (
        "Load the demo site into an empty database. A database holding any account or content "
        "(the demo loaded before included, even with demo articles deleted since) is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-login",
            action="store_true",
            help="Do not print the demo editor's login (run_portal prints it last itself).",
        )

    def handle(self, *args, no_login=False, **options):
        with translation.override(settings.LANGUAGE_CODE):
            if not database_is_empty():
                self.stdout.write(_("Demo content not loaded: the database is not empty."))
                return
            # One transaction: a load that fails half-way leaves the database empty, so the next
            # start loads the whole demo instead of refusing a half-loaded one.
            with transaction.atomic():
                for label, load in demo_loaders():
                    load(self.stdout)
                    self.stdout.write(f"demo: {label} ok")
        if not no_login:
            for line in demo_login_lines():
                self.stdout.write(line)
