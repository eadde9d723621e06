"""Run `settings.SCHEDULED_COMMANDS` (publishing, pruning, backups…) until stopped.

`make run` supervises one (`run_portal`); in production `deploy/systemd/congdoan-scheduler.service`
runs one per app host. Running it on several hosts is safe: each entry runs at most once per
period across all of them (see `congdoan.core.scheduling`).
"""

import signal
import threading

from django.core.management.base import BaseCommand

from congdoan.core.scheduling import Scheduler, scheduled_commands

# On SIGTERM, how long runs in progress may take to finish before the process exits anyway (an
# interrupted run is started again once its period has passed twice).
SHUTDOWN_GRACE_SECONDS = 60.0


class Command(BaseCommand):
    help = "Run the periodic commands of settings.SCHEDULED_COMMANDS until SIGTERM."

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick",
            type=float,
            default=5.0,
            help="Seconds between two looks for due commands (default: 5).",
        )

    def handle(self, *args, tick, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        commands = scheduled_commands()
        if options["verbosity"] > 0:
            listing = ", ".join(f"{c.name} every {c.every.total_seconds():g} s" for c in commands)
            self.stderr.write(f"Scheduler started: {listing}.")
        scheduler = Scheduler(commands)
        scheduler.tick()
        while not stop.wait(tick):
            scheduler.tick()
        scheduler.wait(SHUTDOWN_GRACE_SECONDS)
