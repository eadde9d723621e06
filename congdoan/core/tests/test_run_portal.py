"""`make run` end to end: the demo site served from a fresh data directory by `run_portal`.

One portal serves the whole module (starting one migrates and loads the demo, minutes on a busy
machine); a test that stops it leaves the next one to start it again on the same data.
"""

import gzip
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psutil
import pytest
from django.conf import settings

from congdoan.core.management.commands.run_worker import MAX_ATTEMPTS, stable_worker_id
from congdoan.core.tests.processes import free_port

REPO_DIR = Path(__file__).resolve().parents[3]
SEED_ARTICLE_URL = (
    "/tin-tuc-su-kien/tin-trong-nuoc/"
    "nghi-quyet-02-thuc-day-doi-moi-to-chuc-va-hoat-dong-cong-doan-viet-nam/"
)
STARTUP_TIMEOUT = 900


def get(url: str, headers: dict | None = None, timeout: float = 30):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - loopback only


def fetch(url: str) -> str:
    with get(url) as response:
        return response.read().decode()


def eventually(check, timeout: float, what: str):
    """Poll `check` until it returns a true value; that value, or an AssertionError."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = check()
        except (OSError, LookupError, psutil.Error):
            value = None
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"{what}: not within {timeout} s")


class Portal:
    """A `manage.py run_portal` process, its output in a file (a pipe nobody reads would
    block it)."""

    def __init__(self, var_dir: Path):
        self.var_dir = var_dir
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = var_dir / "run_portal.log"
        self.process: subprocess.Popen | None = None

    def start(self):
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "congdoan.settings.production",
            "HTTPS": "false",
            "SECRET_KEY": "run-portal-test-" + "x" * 50,
            "VAR_DIR": str(self.var_dir),
            # As `make run` without EMAIL_HOST: mail (the demo's deadline reminders, sent by the
            # scheduler's first run) goes to VAR_DIR/outbox/, not to an SMTP server that the
            # test machine does not have (each send would fail and log its task).
            "EMAIL_BACKEND": "congdoan.core.outbox.EmailBackend",
        }
        env.pop("DATABASE_URL", None)
        env.pop("EMAIL_FILE_PATH", None)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [sys.executable, "manage.py", "run_portal", "--port", str(self.port)]
                + ["--workers", "1", "--threads", "4"],
                cwd=REPO_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                text=True,
            )

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")

    def running(self) -> "Portal":
        """Start the portal unless it runs; return once it printed its addresses."""
        if self.process is None or self.process.poll() is not None:
            self.start()

        def welcomed():
            if self.process.poll() is not None:
                raise AssertionError(f"run_portal exited early:\n{self.output()[-3000:]}")
            return f"{self.base_url}/admin/" in self.output()

        eventually(welcomed, STARTUP_TIMEOUT, "run_portal printing its addresses")
        return self

    def child(self, *words: str) -> psutil.Process:
        """The direct child whose command line holds all `words`."""
        for child in psutil.Process(self.process.pid).children():
            try:
                cmdline = child.cmdline()
            except psutil.ZombieProcess:  # killed, not yet reaped by run_portal
                continue
            if all(word in cmdline for word in words):
                return child
        raise LookupError(words)

    def database(self) -> sqlite3.Connection:
        return sqlite3.connect(self.var_dir / "congdoan.sqlite3", timeout=30)

    def stop(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=120)


@pytest.fixture(scope="module")
def portal_process(tmp_path_factory):
    portal = Portal(tmp_path_factory.mktemp("run-portal"))
    yield portal
    if portal.process is not None and portal.process.poll() is None:
        portal.stop()


@pytest.fixture
def portal(portal_process):
    return portal_process.running()


def test_run_portal_serves_the_seed_article(portal):
    home = fetch(portal.base_url + "/")
    assert SEED_ARTICLE_URL.split("/")[1] in home  # the menu links the article's section

    article = fetch(portal.base_url + SEED_ARTICLE_URL)
    assert "Nghị quyết 02 thúc đẩy đổi mới tổ chức và hoạt động Công đoàn Việt Nam" in article
    assert "10/11/2021 07:00 GMT+7" in article
    assert "Sáng 10.11, Tổng Liên đoàn Lao động Việt Nam tổ chức Hội nghị kiểm điểm" in article
    assert "Phó Chủ tịch Tổng Liên đoàn Lao động Việt Nam Ngọ Duy Hiểu" in article  # caption
    assert "In bài" in article
    assert "Gửi bài viết" in article
    assert "Pho-Chu-Tich (1).jpg" not in article
    # SITE_URL defaults to the served address, so feeds link there, not to http://localhost/.
    assert f"<link>{portal.base_url}{SEED_ARTICLE_URL}</link>" in fetch(portal.base_url + "/rss/")


def test_addresses_come_last_and_task_lines_stay_out_of_the_output(portal):
    output = portal.output()
    lines = output.splitlines()
    site_line = lines.index(f"Cổng Công đoàn: {portal.base_url}/")
    assert lines[site_line + 1] == f"Quản trị (admin): {portal.base_url}/admin/"
    # The demo editor's password is random per install and printed right after the addresses.
    password = (portal.var_dir / "demo_editor_password").read_text(encoding="utf-8").strip()
    assert lines[site_line + 2] == f"Tài khoản biên tập mẫu: bientap / {password}"
    assert output.count(password) == 1  # printed once, last
    # The server's startup lines come before the addresses, not after them.
    assert any("Listening at" in line for line in lines[:site_line])
    # The demo enqueued hundreds of tasks that the workers are running: none is logged.
    assert "Task id=" not in output
    assert "state=SUCCESSFUL" not in output


def test_html_and_static_files_come_back_gzip_encoded_when_asked(portal):
    with get(portal.base_url + "/", {"Accept-Encoding": "gzip"}) as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.read()).decode()
    assert "Trang chủ" in html

    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
    with get(portal.base_url + stylesheet, {"Accept-Encoding": "gzip"}) as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] == "gzip"  # WhiteNoise's pre-compressed copy
        assert response.headers["Content-Type"].startswith("text/css")
        assert "max-age=" in response.headers["Cache-Control"]
        assert gzip.decompress(response.read())


def test_slow_clients_do_not_hold_the_server(portal):
    fetch(portal.base_url + "/")  # warm: the first request of a worker loads templates
    idle = []
    try:
        for _ in range(10):
            sock = socket.create_connection(("127.0.0.1", portal.port), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")  # never ends
            idle.append(sock)
        time.sleep(1)
        started = time.monotonic()
        with get(portal.base_url + "/", timeout=10) as response:
            assert response.status == 200
            assert "Trang chủ" in response.read().decode()
        assert time.monotonic() - started < 2
    finally:
        for sock in idle:
            sock.close()


def test_one_worker_per_queue_and_the_scheduler_run_under_the_portal(portal):
    workers = {
        queue: portal.child("run_worker", "--queue-name", queue) for queue in settings.TASK_QUEUES
    }
    assert len({worker.pid for worker in workers.values()}) == len(settings.TASK_QUEUES) == 5
    assert portal.child("run_scheduler").is_running()
    assert portal.child("granian", "congdoan.wsgi:application").is_running()


def test_health_reports_the_portal_and_its_scheduler(portal):
    """The scheduler run_portal supervises ran every scheduled command: /health/ is 200."""

    def healthy():
        with get(portal.base_url + "/health/") as response:
            return json.load(response) if response.status == 200 else None

    try:
        body = eventually(healthy, 120, "/health/ answering 200")
    except AssertionError:
        raise AssertionError(portal.output()[-3000:]) from None
    assert body["checks"]["tasks"]["backend"] == "database"
    assert set(body["checks"]["tasks"]["queues"]) == set(settings.TASK_QUEUES)
    commands = body["checks"]["scheduler"]["commands"]
    assert commands["publish_scheduled"]["last_succeeded"] is True
    assert commands["prune_task_results"]["last_succeeded"] is True


def insert_running_task(database: sqlite3.Connection, worker_ids: list[str]) -> str:
    """A rendition task that a worker claimed and never finished (it was killed)."""
    task_id = uuid.uuid4().hex
    with database:
        database.execute(
            "INSERT INTO django_tasks_database_dbtaskresult (id, args_kwargs, priority,"
            " task_path, queue_name, backend_name, run_after, enqueued_at, started_at,"
            " exception_class_path, traceback, worker_ids, status) VALUES"
            " (?, ?, 0, ?, 'images', 'default', '9999-01-01 00:00:00', '2026-01-01 00:00:00',"
            " '2026-01-01 00:00:01', '', '', ?, 'RUNNING')",
            (
                task_id,
                json.dumps({"args": [0], "kwargs": {}}),
                "congdoan.core.images.generate_page_renditions",
                json.dumps(worker_ids),
            ),
        )
    return task_id


def test_a_killed_worker_is_restarted_and_its_task_requeued_or_failed(portal):
    database = portal.database()
    worker_id = stable_worker_id("images")
    interrupted = insert_running_task(database, [worker_id])
    killed_every_time = insert_running_task(database, [worker_id] * MAX_ATTEMPTS)
    images_worker = portal.child("run_worker", "--queue-name", "images")

    images_worker.kill()  # kill -9: no chance to clean up
    images_worker.wait(10)

    with get(portal.base_url + "/") as response:
        assert response.status == 200
    assert portal.process.poll() is None
    new_worker = eventually(
        lambda: portal.child("run_worker", "--queue-name", "images"), 60, "a new worker"
    )
    assert new_worker.pid != images_worker.pid

    def status(task_id):
        return database.execute(
            "SELECT status, worker_ids, exception_class_path FROM"
            " django_tasks_database_dbtaskresult WHERE id = ?",
            (task_id,),
        ).fetchone()

    # Requeued and run again by the new worker (no page 0: it returns 0), possibly behind the
    # demo's renditions on the same queue.
    done = eventually(lambda: status(interrupted)[0] == "SUCCESSFUL", 300, "requeued task run")
    assert done
    assert json.loads(status(interrupted)[1]) == [worker_id, worker_id]
    assert status(killed_every_time)[0] == "FAILED"
    assert status(killed_every_time)[2].endswith(".WorkerDiedError")
    assert f"worker-images (pid {images_worker.pid}) exited with status -9" in portal.output()


def test_a_killed_web_server_is_restarted(portal):
    web_server = portal.child("granian", "congdoan.wsgi:application")
    its_workers = web_server.children()
    assert its_workers

    web_server.kill()

    _, orphans = psutil.wait_procs(its_workers, timeout=10)
    assert orphans == []  # the old master's workers do not keep the port

    def new_web_server():
        child = portal.child("granian", "congdoan.wsgi:application")
        return child if child.pid != web_server.pid else None

    eventually(new_web_server, 60, "a new web server")
    home = eventually(lambda: fetch(portal.base_url + "/"), 300, "the site answering again")
    assert "Trang chủ" in home
    assert f"web (pid {web_server.pid}) exited with status -9" in portal.output()


def test_sigterm_stops_the_portal_and_every_process_it_started(portal):
    def all_started():
        processes = psutil.Process(portal.process.pid).children(recursive=True)
        # web server and its worker, four task workers, scheduler
        return processes if len(processes) >= 7 else None

    processes = eventually(all_started, 60, "every process of the portal running")

    assert portal.stop() == 0

    _, alive = psutil.wait_procs(processes, timeout=30)
    assert alive == []
