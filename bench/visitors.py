"""Visitor counting under load: beacon throughput, and page throughput with counting on vs off.

Starts two gunicorn servers (2 workers each) on loopback over one temporary SQLite database with
the demo loaded: one with counting on, one with VISITORS_ENABLED=false. Measures pages/s on both
in alternating rounds, then beacon hits/s (every hit a new browser), then checks the counter is
exact: online and total grow by exactly the number of beacons answered. Runs in about a minute.

    .venv/bin/python bench/visitors.py [--seconds 4] [--clients 8]
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PORT_ON, PORT_OFF = 8510, 8511
USER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def environment(tmp: Path, enabled: bool) -> dict:
    env = dict(os.environ)
    for name in ("REDIS_URL", "VISITORS_BACKEND", "DATABASE_URL"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="visitors_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "bench"), env.get("PYTHONPATH")])),
        SECRET_KEY="bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        HTTPS="false",
        VAR_DIR=str(tmp),
        DATABASE_URL=f"sqlite:///{tmp / 'bench.sqlite3'}",
        LOG_LEVEL="WARNING",
        VISITORS_ENABLED="true" if enabled else "false",
    )
    return env


def manage(tmp: Path, *args: str):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(tmp, True),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def start_server(tmp: Path, port: int, enabled: bool) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "congdoan.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=environment(tmp, enabled),
    )


def request(port: int, method: str, path: str, body: str | None = None) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"User-Agent": USER_AGENT, "Host": "127.0.0.1"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def wait_ready(port: int):
    deadline = time.monotonic() + 30
    status = None
    while time.monotonic() < deadline:
        try:
            status = request(port, "GET", "/")
            if status == 200:
                return
        except OSError as error:
            status = error
        time.sleep(0.2)
    raise SystemExit(f"server on port {port} did not start: {status}")


def load(seconds: float, clients: int, call) -> tuple[int, int]:
    """Run `call(n)` from `clients` threads for `seconds`; (successes, failures)."""
    stop = time.monotonic() + seconds
    counter = iter(range(10**9))
    lock = threading.Lock()
    results = {"ok": 0, "failed": 0}

    def worker():
        while time.monotonic() < stop:
            with lock:
                number = next(counter)
            ok = call(number)
            with lock:
                results["ok" if ok else "failed"] += 1

    with ThreadPoolExecutor(clients) as pool:
        for future in [pool.submit(worker) for _ in range(clients)]:
            future.result()
    return results["ok"], results["failed"]


def numbers() -> dict:
    connection = http.client.HTTPConnection("127.0.0.1", PORT_ON, timeout=10)
    connection.request("GET", "/api/visitors/", headers={"Host": "127.0.0.1"})
    data = json.loads(connection.getresponse().read())
    connection.close()
    return data


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="length of each round")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads")
    options = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="congdoan-bench-visitors-") as directory:
        tmp = Path(directory)
        (tmp / "static").mkdir()
        manage(tmp, "migrate", "--verbosity", "0")
        manage(tmp, "load_demo")
        setup_seconds = time.monotonic() - started
        servers = [start_server(tmp, PORT_ON, True), start_server(tmp, PORT_OFF, False)]
        try:
            wait_ready(PORT_ON)
            wait_ready(PORT_OFF)
            pages = {PORT_ON: [0, 0.0], PORT_OFF: [0, 0.0]}
            for port in (PORT_OFF, PORT_ON) * 3:
                began = time.monotonic()
                ok, failed = load(
                    options.seconds,
                    options.clients,
                    lambda _, port=port: request(port, "GET", "/") == 200,
                )
                assert failed == 0, f"{failed} page requests failed"
                pages[port][0] += ok
                pages[port][1] += time.monotonic() - began

            before = numbers()
            began = time.monotonic()
            beacons, failed = load(
                options.seconds,
                options.clients,
                lambda n: (
                    request(PORT_ON, "POST", "/api/visitors/hit", f"cid=bench-{n:010d}") == 204
                ),
            )
            beacon_seconds = time.monotonic() - began
            after = numbers()
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=15)

    rate_on = pages[PORT_ON][0] / pages[PORT_ON][1]
    rate_off = pages[PORT_OFF][0] / pages[PORT_OFF][1]
    ratio = rate_on / rate_off
    print(f"clients: {options.clients}, gunicorn: 2 sync workers per server, SQLite file database")
    print(f"pages, counting off : {rate_off:8.1f} req/s ({pages[PORT_OFF][0]} requests)")
    print(f"pages, counting on  : {rate_on:8.1f} req/s ({pages[PORT_ON][0]} requests)")
    print(f"on / off            : {ratio:8.1%} (must be >= 90%)")
    print(f"beacon hits         : {beacons / beacon_seconds:8.1f} req/s ({beacons} answered, "
          f"{failed} failed)")  # fmt: skip
    print(f"counter before/after: {before} -> {after}")
    exact = (
        after["total"] - before["total"] == beacons
        and after["online"] - before["online"] == beacons
    )
    print(f"exact under load    : {'yes' if exact else 'NO'} (each beacon a new browser)")
    print(f"bench time          : {time.monotonic() - started:.1f} s (setup {setup_seconds:.1f} s)")
    assert ratio >= 0.9, "page throughput with counting on is below 90% of off"
    assert failed == 0 and exact, "beacon hits were lost or miscounted"


if __name__ == "__main__":
    main()
