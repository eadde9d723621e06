"""`make run`: prepare the database and serve the portal with its workers and scheduler.

After migrating, loading the demo and collecting static files, it supervises these processes:

- `web`: granian (WSGI), the HTTP server. Its Rust event loop reads requests, so clients that
  send slowly or never finish a request cost a socket, not one of the Python threads running
  Django (the three sync gunicorn workers used before were held by three idle sockets).
- `worker-<queue>`: one `run_worker` per queue of `settings.TASK_QUEUES`, so slow image encodes
  never delay search-index updates or mail. A worker starting recovers the tasks a killed
  predecessor left RUNNING (see `run_worker`); with the Redis task backend it is an RQ worker.
- `scheduler`: `run_scheduler`, the periodic commands of `settings.SCHEDULED_COMMANDS`
  (`publish_scheduled` once a minute, daily pruning).

A child that exits is started again after a back-off (1 s, doubling up to 30 s, back to 1 s once
it has run a minute): one dead process never takes the site down. Ctrl-C or SIGTERM stops all.
The site and admin URLs and the demo login are printed last, once the site answers.
"""

import contextlib
import ctypes
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django.utils import translation
from django.utils.translation import gettext

from congdoan.core.demo import demo_login_lines
from congdoan.core.sites import default_site_url_to_served_address

FIRST_RESTART_DELAY = 1.0
LONGEST_RESTART_DELAY = 30.0
# A child that ran this long before exiting is restarted after the first delay again.
STABLE_RUN_SECONDS = 60.0
STOP_TIMEOUT_SECONDS = 15.0
PR_SET_PDEATHSIG = 1


def die_with_parent():
    """Runs in each child before exec: the kernel sends it SIGTERM if run_portal dies, even by
    `kill -9`, so no orphan keeps the port or the queue."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class Child:
    """One supervised process: its command line and its restart bookkeeping."""

    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restart_delay: float = FIRST_RESTART_DELAY
    restart_at: float | None = None
    restarts: int = 0

    def start(self):
        # Its own process group, so that its own children (granian's workers) go with it.
        self.process = subprocess.Popen(  # noqa: S603
            self.argv,
            preexec_fn=die_with_parent,
            start_new_session=True,
        )
        self.started_at = time.monotonic()
        self.restart_at = None

    def signal_group(self, signum: int):
        """Send `signum` to the child and whatever it started that is still alive."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)


class Supervisor:
    """Starts the children, restarts those that exit, stops them all on request."""

    def __init__(self, children: list[Child], log):
        self.children = children
        self.log = log

    def start_all(self):
        for child in self.children:
            child.start()

    def check(self, now: float):
        """Schedule a restart for every child that exited, start those whose delay is over."""
        for child in self.children:
            if child.restart_at is None and child.process.poll() is not None:
                # A dead granian master leaves workers holding the port: clear the group.
                child.signal_group(signal.SIGKILL)
                if now - child.started_at >= STABLE_RUN_SECONDS:
                    child.restart_delay = FIRST_RESTART_DELAY
                child.restart_at = now + child.restart_delay
                self.log(
                    f"{child.name} (pid {child.process.pid}) exited with status "
                    f"{child.process.returncode}; restarting in {child.restart_delay:g} s."
                )
                child.restart_delay = min(child.restart_delay * 2, LONGEST_RESTART_DELAY)
            if child.restart_at is not None and now >= child.restart_at:
                child.restarts += 1
                child.start()

    def stop_all(self):
        """SIGTERM to every child (a worker finishes its task first), SIGKILL after a grace
        period to whatever is left, grandchildren included."""
        started = [child for child in self.children if child.process]
        for child in started:
            child.signal_group(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for child in started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            child.signal_group(signal.SIGKILL)
            child.process.wait()


def web_server_argv(host: str, port: int, workers: int, threads: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "congdoan.wsgi:application",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        str(threads),
        "--respawn-failed-workers",
        # A worker that does not stop within 5 s of SIGTERM is killed (they can hang on exit).
        "--workers-kill-timeout",
        "5",
        "--access-log",
    ]


def worker_argv(queue_name: str) -> list[str]:
    return [
        sys.executable,
        "manage.py",
        "run_worker",
        "--queue-name",
        queue_name,
        "--interval",
        "1",
    ]


def scheduler_argv() -> list[str]:
    return [sys.executable, "manage.py", "run_scheduler"]


def answers_http(host: str, port: int) -> bool:
    """Whether Django answers a request yet (granian accepts connections before its workers
    have loaded Django)."""
    address = "127.0.0.1" if host in ("0.0.0.0", "") else host  # noqa: S104 - a wildcard bind
    connection = http.client.HTTPConnection(address, port, timeout=5)
    try:
        connection.request("HEAD", "/", headers={"Host": f"{address}:{port}"})
        connection.getresponse()
    except OSError:
        return False
    finally:
        connection.close()
    return True


class Command(BaseCommand):
    help = "Migrate, load the demo, collect static files and serve the portal."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("WEB_THREADS", "4")))
        parser.add_argument("--no-demo", action="store_true", help="Do not load demo content.")

    def handle(self, *args, host, port, workers, threads, no_demo, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        default_site_url_to_served_address(host, port)
        call_command("migrate", interactive=False, verbosity=0)
        if not no_demo:
            call_command("load_demo", no_login=True, stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        close_old_connections()

        supervisor = Supervisor(
            [
                Child("web", web_server_argv(host, port, workers, threads)),
                *(Child(f"worker-{queue}", worker_argv(queue)) for queue in settings.TASK_QUEUES),
                Child("scheduler", scheduler_argv()),
            ],
            log=self.stderr.write,
        )
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        supervisor.start_all()

        welcomed = False
        while not stop.wait(0.5):
            supervisor.check(time.monotonic())
            if not welcomed and answers_http(host, port):
                self.print_welcome(host, port)
                welcomed = True
        supervisor.stop_all()

    def print_welcome(self, host: str, port: int):
        """The addresses and the demo login, after startup so that no log line buries them."""
        site_url = f"http://{host}:{port}/"
        with translation.override(settings.LANGUAGE_CODE):
            lines = [
                self.style.SUCCESS(gettext("Site: %(url)s") % {"url": site_url}),
                gettext("Administration: %(url)s") % {"url": f"{site_url}admin/"},
                *demo_login_lines(),
            ]
        close_old_connections()
        self.stdout.write("\n" + "\n".join(lines) + "\n")
        self.stdout.flush()
