#!/usr/bin/env python
"""Faults the production stack must survive (issue 11, item 5). Exits 1 when one is not.

    .venv/bin/python bench/faults.py            # about 2-3 minutes
    .venv/bin/python bench/faults.py --keep     # keep the temporary directory (logs) afterwards

Everything runs in a temporary directory, on loopback, started by this script alone: a PostgreSQL
cluster of its own (initdb + pg_ctl, as the `postgres` user when run as root), a redis-server of
its own, the portal under production settings (granian, 2 workers, Redis cache and counters,
connections kept `DB_CONN_MAX_AGE` = 60 s as deploy/env.example has them) and task workers
(`manage.py run_worker`). Then, one after the other:

1. Redis stopped (and started again): pages keep answering 200 under load (cache misses),
   visitor beacons answer 204 and their hits are buffered, every one of them is counted once
   Redis is back.
2. PostgreSQL restarted under load: requests fail at most while it restarts; the app recovers
   within 5 s of PostgreSQL accepting connections again, without anyone touching it.
3. An app (granian) worker process killed under load: only requests in flight fail (at most one
   per load thread), granian starts a new worker, the rest are answered.
4. A task worker killed mid-task: a new worker (as systemd or `make run` starts it) puts the task
   back in its queue and runs it to the end; no task is lost.

It prints one line per fault and a table.
"""

import argparse
import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import psutil
import redis

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
PYTHON = sys.executable
PG_BIN = Path("/usr/lib/postgresql") / max(os.listdir("/usr/lib/postgresql"), key=int) / "bin"
REDIS_PORT = 8582
PG_PORT = 8589
APP_PORT = 8590
RECOVERY_LIMIT_SECONDS = 5.0
LOAD_THREADS = 4
HUMAN_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
SEED = """
from congdoan.core.factories import HomePageFactory
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
home = HomePageFactory.create_as_site_root(title="Trang chủ")
section = SectionPageFactory(parent=home, title="Tin tức")
article = ArticlePageFactory(parent=section, title="Bài viết thử lỗi")
print(article.pk, article.url)
"""


def as_postgres(argv: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@dataclass
class Outcome:
    fault: str
    survived: bool
    detail: str


@dataclass
class Stack:
    """The services and processes of one run, all under `root`."""

    root: Path
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    article_id: int = 0
    article_path: str = "/"

    @property
    def pgdata(self) -> Path:
        return self.root / "pg"

    def env(self) -> dict:
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "REDIS_"))},
            "DJANGO_SETTINGS_MODULE": "congdoan.settings.production",
            "SECRET_KEY": self.secret_key,
            "HTTPS": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://congdoan@127.0.0.1:{PG_PORT}/congdoan",
            "DB_CONN_MAX_AGE": "60",
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "VAR_DIR": str(self.root / "var"),
            "LOG_LEVEL": "ERROR",
            "VISITORS_NEW_VISITORS_PER_ADDRESS": "1000",
            # The bench's task module, for the workers and the script that enqueues.
            "PYTHONPATH": str(BENCH),
        }

    def log(self, name: str):
        return open(self.root / f"{name}.log", "ab")  # noqa: SIM115 - handed to a process

    def start(self, name: str, argv: list[str], env: dict | None = None):
        with self.log(name) as output:
            self.processes[name] = subprocess.Popen(
                argv, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        return self.processes[name]

    def run(self, argv: list[str], env: dict | None = None) -> str:
        result = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def manage(self, *args: str) -> str:
        return self.run([PYTHON, "manage.py", *args], env=self.env())

    # PostgreSQL
    def start_postgres(self):
        self.pgdata.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(self.pgdata, "postgres", "postgres")
        self.run(
            as_postgres(
                [str(PG_BIN / "initdb"), "-D", str(self.pgdata), "-U", "congdoan"]
                + ["--auth=trust", "--encoding=UTF8", "--no-sync"]
            )
        )
        self.pg_ctl("start")
        self.run(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT)]
            + ["-U", "congdoan", "congdoan"]
        )

    def pg_ctl(self, action: str, *extra: str):
        options = f"-p {PG_PORT} -k {self.pgdata} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            as_postgres(
                [str(PG_BIN / "pg_ctl"), action, "-D", str(self.pgdata), "-w", "-t", "60"]
                + ["-l", str(self.pgdata / "server.log"), "-o", options, *extra]
            )
        )

    # Redis
    def start_redis(self):
        self.start(
            "redis",
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1"]
            + ["--save", "", "--appendonly", "no", "--dir", str(self.root)],
        )
        client = redis.Redis(port=REDIS_PORT)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop_redis(self):
        """As `systemctl stop redis-server` does: save the data, then stop."""
        redis.Redis(port=REDIS_PORT).shutdown(save=True)
        self.processes.pop("redis").wait(timeout=10)

    # The portal
    def prepare_portal(self):
        # collectstatic needs no database: it runs while the migrations do.
        with self.log("collectstatic") as output:
            collect = subprocess.Popen(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
                cwd=REPO,
                env=self.env(),
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.manage("migrate", "--verbosity", "0")
        if collect.wait() != 0:
            raise RuntimeError(f"collectstatic failed: see {self.root / 'collectstatic.log'}")
        article_id, self.article_path = self.manage("shell", "-c", SEED).splitlines()[-1].split()
        self.article_id = int(article_id)

    def start_web(self):
        self.start(
            "web",
            [PYTHON, "-m", "granian", "--interface", "wsgi", "congdoan.wsgi:application"]
            + ["--host", "127.0.0.1", "--port", str(APP_PORT), "--workers", "2"]
            + ["--blocking-threads", "4", "--respawn-failed-workers"]
            + ["--workers-kill-timeout", "5"],
            env=self.env(),
        )
        # Generous: loading Django in two processes takes a while on a busy machine.
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if get("/")[0] == 200:
                return
            time.sleep(0.3)
        raise RuntimeError(f"the portal did not answer within 180 s: see {self.root}/web.log")

    def web_workers(self) -> list[psutil.Process]:
        return psutil.Process(self.processes["web"].pid).children(recursive=True)

    def start_worker(self) -> subprocess.Popen:
        return self.start(
            "worker",
            [PYTHON, "manage.py", "run_worker", "--queue-name", "default", "--interval", "0.2"],
            env=self.env(),
        )

    def stop_all(self):
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        if (self.pgdata / "postmaster.pid").exists():
            self.pg_ctl("stop", "-m", "immediate")


def request(method: str, path: str, body: bytes | None = None, headers=None):
    """(status, body) of one request on a new connection; status 0 when it failed."""
    connection = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=15)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException):
        return 0, b""
    finally:
        connection.close()


def get(path: str):
    return request("GET", path)


def beacon(page_id: int, client_id: str) -> int:
    body = urlencode({"page": page_id, "cid": client_id}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": HUMAN_UA}
    return request("POST", "/api/visitors/hit", body, headers)[0]


def visits_total() -> int:
    status, body = get("/api/visitors/")
    if status != 200:
        raise RuntimeError(f"/api/visitors/ answered {status}")
    return json.loads(body)["total"]


class Load:
    """Threads sending GETs one after the other, each on a new connection, until stopped."""

    def __init__(self, paths: list[str], threads: int = LOAD_THREADS):
        self.paths = paths
        self.stopping = threading.Event()
        self.results: list[tuple[float, float, int]] = []  # (start, end, status)
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(threads)]

    def run(self, number: int):
        count = number
        while not self.stopping.is_set():
            path = self.paths[count % len(self.paths)]
            count += 1
            started = time.monotonic()
            status = get(path)[0]
            with self.lock:
                self.results.append((started, time.monotonic(), status))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def failures(self, since: float = 0.0) -> list[tuple[float, float, int]]:
        return [result for result in self.results if result[2] != 200 and result[0] >= since]


def redis_outage(stack: Stack) -> Outcome:
    before = visits_total()
    warm = [beacon(stack.article_id, f"before-outage-{n:02d}") for n in range(4)]
    stack.stop_redis()
    with Load(["/", stack.article_path]) as load:
        during = [beacon(stack.article_id, f"during-outage-{n:02d}") for n in range(20)]
        time.sleep(3)
    stack.start_redis()
    # The app asks Redis again a second after its last failure.
    time.sleep(1.5)
    after = beacon(stack.article_id, "after-the-outage")
    total = visits_total()
    expected = before + len(warm) + len(during) + 1
    beacon_failures = sum(status != 204 for status in [*warm, *during, after])
    failed = len(load.failures())
    survived = failed == 0 and beacon_failures == 0 and total == expected
    return Outcome(
        "Redis stopped",
        survived,
        f"{len(load.results)} page requests during the outage, {failed} failed; "
        f"{len(during)} beacons buffered, {beacon_failures} failed; "
        f"visits {total} after it returned (expected {expected})",
    )


def postgres_restart(stack: Stack) -> Outcome:
    with Load(["/", stack.article_path]) as load:
        time.sleep(2)
        restart_began = time.monotonic()
        stack.pg_ctl("restart", "-m", "fast")
        back = time.monotonic()
        time.sleep(RECOVERY_LIMIT_SECONDS + 2)
    failures = load.failures()
    last_failure = max((end for _, end, _ in failures), default=back)
    recovered_after = max(0.0, last_failure - back)
    answered_after = [r for r in load.results if r[0] > back + RECOVERY_LIMIT_SECONDS]
    survived = (
        recovered_after <= RECOVERY_LIMIT_SECONDS
        and bool(answered_after)
        and all(status == 200 for _, _, status in answered_after)
        and all(start >= restart_began - 1 for start, _, _ in failures)
    )
    return Outcome(
        "PostgreSQL restarted",
        survived,
        f"restart took {back - restart_began:.1f} s; {len(failures)} of {len(load.results)} "
        f"requests failed; last failure {recovered_after:.1f} s after PostgreSQL was back "
        f"(limit {RECOVERY_LIMIT_SECONDS:g} s)",
    )


def app_worker_killed(stack: Stack) -> Outcome:
    workers_before = {process.pid for process in stack.web_workers()}
    with Load(["/", stack.article_path]) as load:
        time.sleep(2)
        victim = sorted(workers_before)[0]
        os.kill(victim, signal.SIGKILL)
        killed_at = time.monotonic()
        time.sleep(6)
    workers_after = {process.pid for process in stack.web_workers()}
    failed = len(load.failures())
    late = [r for r in load.results if r[0] > killed_at + 4]
    survived = (
        failed <= LOAD_THREADS
        and len(workers_after) == len(workers_before)
        and victim not in workers_after
        and bool(late)
        and all(status == 200 for _, _, status in late)
    )
    return Outcome(
        "App worker killed",
        survived,
        f"{failed} of {len(load.results)} requests failed (at most {LOAD_THREADS} in flight); "
        f"workers {len(workers_before)} -> {len(workers_after)} (respawned)",
    )


def task_worker_killed(stack: Stack) -> Outcome:
    marks = stack.root / "task-marks"
    marks.mkdir()
    names = ["slow", "quick-1", "quick-2"]
    enqueue = (
        "import django; django.setup()\n"
        "from fault_tasks import marked_task\n"
        f"marked_task.enqueue({str(marks)!r}, 'slow', 4)\n"
        f"for name in {names[1:]!r}: marked_task.enqueue({str(marks)!r}, name, 0)\n"
    )
    stack.run([PYTHON, "-c", enqueue], env=stack.env())
    worker = stack.start_worker()
    deadline = time.monotonic() + 60
    while not (marks / "slow.started").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    killed_mid_task = not (marks / "slow.done").exists()
    stack.start_worker()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all((marks / f"{n}.done").exists() for n in names):
        time.sleep(0.2)
    done = [name for name in names if (marks / f"{name}.done").exists()]
    starts = len((marks / "slow.started").read_text().split())
    survived = killed_mid_task and done == names and starts == 2
    return Outcome(
        "Task worker killed mid-task",
        survived,
        f"{len(done)} of {len(names)} tasks done; the killed task started {starts} times "
        f"(requeued by the next worker)",
    )


def print_table(outcomes: list[Outcome]):
    width = max(len(outcome.fault) for outcome in outcomes)
    print(f"\n{'Fault'.ljust(width)}  Result    Detail")
    print(f"{'-' * width}  --------  {'-' * 40}")
    for outcome in outcomes:
        result = "survived" if outcome.survived else "FAILED"
        print(f"{outcome.fault.ljust(width)}  {result.ljust(8)}  {outcome.detail}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    options = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="congdoan-faults-"))
    root.chmod(0o755)  # the postgres user reaches its data directory through it
    stack = Stack(root)
    started = time.monotonic()
    outcomes: list[Outcome] = []
    try:
        print(f"Setting up in {root} (PostgreSQL :{PG_PORT}, Redis :{REDIS_PORT}) ...", flush=True)
        for step in (
            stack.start_postgres,
            stack.start_redis,
            stack.prepare_portal,
            stack.start_web,
        ):
            step_started = time.monotonic()
            step()
            print(f"  {step.__name__}: {time.monotonic() - step_started:.0f} s", flush=True)
        print(f"Ready after {time.monotonic() - started:.0f} s.", flush=True)
        faults = (
            redis_outage,
            postgres_restart,
            app_worker_killed,
            task_worker_killed,
        )
        for fault in faults:
            outcome = fault(stack)
            print(f"- {outcome.fault}: {'survived' if outcome.survived else 'FAILED'}", flush=True)
            outcomes.append(outcome)
    finally:
        stack.stop_all()
        if options.keep:
            print(f"Kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print_table(outcomes)
    print(f"\n{time.monotonic() - started:.0f} s in all.")
    return 0 if all(outcome.survived for outcome in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
