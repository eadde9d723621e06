"""`make run`: prepare the database and serve the portal with its worker and scheduler.

Starts gunicorn (static files through WhiteNoise), the django-tasks database worker, and a
once-a-minute `publish_scheduled` trigger; Ctrl-C or SIGTERM stops all of them.
"""

import os
import signal
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from congdoan.core.demo import demo_login_lines
from congdoan.core.sites import default_site_url_to_served_address

SCHEDULER_INTERVAL_SECONDS = 60


class Command(BaseCommand):
    help = "Migrate, load the demo, collect static files and serve the portal."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "3"))
        )
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo content.")

    def handle(self, *args, host, port, workers, no_demo, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        default_site_url_to_served_address(host, port)
        call_command("migrate", interactive=False, verbosity=0)
        if not no_demo:
            call_command("load_demo", stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        close_old_connections()

        stop = threading.Event()
        children = [
            subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "db_worker", "--interval", "1"],
            ),
            subprocess.Popen(  # noqa: S603
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "congdoan.wsgi:application",
                    "--bind",
                    f"{host}:{port}",
                    "--workers",
                    str(workers),
                    "--access-logfile",
                    "-",
                    "--graceful-timeout",
                    "10",
                ],
            ),
        ]
        scheduler = threading.Thread(target=self.publish_scheduled_every_minute, args=(stop,))
        scheduler.start()

        def shutdown(signum, frame):
            stop.set()

        signal.signal(signal.SIGINT, shutdown)
        signal.signal(signal.SIGTERM, shutdown)

        site_url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nCổng Công đoàn: {site_url}"))
        self.stdout.write(f"Quản trị (admin): {site_url}admin/")
        for line in demo_login_lines():
            self.stdout.write(line)

        while not stop.wait(1):
            if any(child.poll() is not None for child in children):
                self.stderr.write("A process of the portal exited; stopping the others.")
                stop.set()
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        scheduler.join()

    def publish_scheduled_every_minute(self, stop: threading.Event):
        while not stop.wait(SCHEDULER_INTERVAL_SECONDS):
            try:
                call_command("publish_scheduled", verbosity=0)
            except Exception as error:  # noqa: BLE001 - the trigger must survive one bad run
                self.stderr.write(f"publish_scheduled failed: {error}")
            finally:
                close_old_connections()
