"""`make run`'s stand-in for cron: run `publish_scheduled` every minute until stopped.

In production the systemd timer `deploy/systemd/congdoan-publish.timer` does this instead.
"""

import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = "Publish and unpublish scheduled pages every --interval seconds until SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=60.0)

    def handle(self, *args, interval, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        while not stop.wait(interval):
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as error:  # noqa: BLE001 - one bad run must not stop the trigger
                self.stderr.write(f"publish_scheduled failed: {error}")
            finally:
                close_old_connections()
