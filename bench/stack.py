"""The production stack that `bench/run` measures: granian on a unix socket behind nginx, and wrk.

The nginx configuration is `deploy/nginx/congdoan.conf` itself with the machine-specific parts
swapped for a temporary directory (`nginx_site_config`), so the benchmark tests the real config.
"""

import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY_NGINX_CONFIG = ROOT / "deploy" / "nginx" / "congdoan.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
WRK = shutil.which("wrk") or "/usr/bin/wrk"

# Directives that only make sense on the public server (TLS, HTTP/2, the listening address).
PUBLIC_ONLY = re.compile(r"^\s*(listen|ssl_\w+|http2)\b[^;]*;\s*$", re.MULTILINE)
BROTLI_LINE = re.compile(r"^[ \t]*brotli\w*\s[^;]*;[ \t]*\n?", re.MULTILINE)
PROXY_CACHE_LINE = re.compile(r"^[ \t]*proxy_cache\w*\s[^;]*;[ \t]*\n?", re.MULTILINE)


def top_level_blocks(text: str):
    """(start, end) of each top-level `{...}` block with the directive line that opens it."""
    depth, start = 0, None
    for position, character in enumerate(text):
        if character == "{":
            if depth == 0:
                start = text.rfind("\n", 0, position) + 1
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                yield start, position + 1


def nginx_site_config(
    deploy_text: str,
    *,
    socket: Path,
    var_dir: Path,
    cache_dir: Path,
    port: int,
    uncached_port: int,
    brotli_available: bool = True,
) -> str:
    """The deploy config made runnable on loopback, plus an uncached twin of its main server.

    Swaps the app socket, `/srv/congdoan/var/` (static and media) and every `*_cache_path`
    directory for temporary ones; drops the HTTP-to-HTTPS redirect server and the PURGE
    listener; makes the HTTPS
    server listen in plain HTTP on `port` (TLS would measure OpenSSL, not the portal); and adds
    the same server on `uncached_port` without its `proxy_cache` lines, for the uncached runs.
    Without nginx's brotli module the `brotli*` lines go too (deploy enables it where available).
    """
    text = re.sub(r"unix:[^\s;]+", f"unix:{socket}", deploy_text)
    text = text.replace("/srv/congdoan/var/", f"{var_dir}/")
    text = re.sub(r"(\w+_cache_path\s+)\S+", rf"\g<1>{cache_dir}", text)
    servers, others, last = [], [], 0
    for start, end in top_level_blocks(text):
        others.append(text[last:start])
        block = text[start:end]
        if re.match(r"\s*server\s*\{", block):
            # Only the server that proxies to the app: not the HTTP-to-HTTPS redirect, nor
            # the loopback listener that only takes the app's PURGE requests.
            if "proxy_pass" in block and not re.search(
                r"^\s*return\s+30[18]\b", block, re.MULTILINE
            ):
                servers.append(PUBLIC_ONLY.sub("", block))
        else:
            others.append(block)
        last = end
    others.append(text[last:])
    if len(servers) != 1:
        raise ValueError(f"expected one proxying server block in the deploy config: {servers}")

    def listening(block, listen_port):
        listen = f"server {{\n    listen 127.0.0.1:{listen_port};"
        return re.sub(r"server\s*\{", listen, block, count=1)

    main = listening(servers[0], port)
    uncached = listening(PROXY_CACHE_LINE.sub("", servers[0]), uncached_port)
    uncached = f"# bench: the same server without nginx's cache\n{uncached}"
    text = "".join(others) + f"\n{main}\n\n{uncached}"
    if not brotli_available:
        text = BROTLI_LINE.sub("", text)
    return text


def nginx_main_config(work: Path, site_config: Path) -> str:
    return f"""\
daemon off;
worker_processes auto;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    access_log off;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    include {site_config};
}}
"""


class Process:
    """A child process in its own process group, stopped (group and all) by `stop()`."""

    def __init__(self, command, *, log: Path, **kwargs):
        self.log = log
        self.popen = subprocess.Popen(
            command,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            **kwargs,
        )

    def stop(self):
        if self.popen.poll() is None:
            os.killpg(self.popen.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()

    def descendants(self):
        """Process ids of every descendant (granian's worker processes)."""
        children = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.popen.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wait_for(url: str, timeout: float, what: str, process: Process | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process and process.popen.poll() is not None:
            raise RuntimeError(f"{what} exited; see {process.log}")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if error.code not in (502, 503, 504):  # nginx answers 502 until the app listens
                return error.code
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not answer {url} within {timeout:.0f} s")


def fetch(url: str):
    """(status, headers, body) of one GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass
class WrkResult:
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    errors: int
    requests: int


LATENCY_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def latency_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * LATENCY_UNITS[unit]


def parse_wrk(output: str) -> WrkResult:
    """Requests/s, p50 and p99 of `wrk --latency`; errors: non-2xx/3xx answers, socket errors.

    p50 and p99 are None when no request finished within the run (wrk prints no percentiles
    when its few requests all finished in the last moment of a busy run).
    """
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    bad_status = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = int(bad_status.group(1)) if bad_status else 0
    if socket_errors:
        errors += sum(int(count) for count in socket_errors.groups())
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    rps = round(float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)), 1)
    if not requests or set(percentiles) != {"50", "99"}:
        return WrkResult(rps=rps, p50_ms=None, p99_ms=None, errors=errors, requests=requests)
    return WrkResult(
        rps=rps,
        p50_ms=round(latency_ms(percentiles["50"]), 2),
        p99_ms=round(latency_ms(percentiles["99"]), 2),
        errors=errors,
        requests=requests,
    )


def run_wrk(
    url: str,
    *,
    concurrency: int,
    seconds: float,
    script: Path | None = None,
    log: Path | None = None,
) -> WrkResult:
    threads = min(2, concurrency)
    command = [WRK, f"-t{threads}", f"-c{concurrency}", f"-d{max(1, round(seconds))}s"]
    command += ["--latency", "--timeout", "10s"]
    if script:
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    if log:
        with log.open("a") as file:
            file.write(f"$ {' '.join(command)} {url}\n{output}\n")
    return parse_wrk(output)
