"""`bench/run` end to end on SQLite: the production stack serves the dataset behind the deploy
nginx config, and `latest.json` has the shape issue 11 asks for."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import require_service

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from stack import nginx_site_config, parse_wrk  # noqa: E402

SCENARIO_KEYS = {
    "name",
    "db",
    "cached",
    "concurrency",
    "rps",
    "p50_ms",
    "p99_ms",
    "errors",
    "queries",
}


def test_quick_run_on_sqlite_writes_the_issue_shape(tmp_path):
    for tool in ("nginx", "wrk"):
        require_service(tool, shutil.which(tool) is not None, f"apt-get install {tool}")
    output = tmp_path / "latest.json"
    command = [sys.executable, str(ROOT / "bench" / "run"), "--quick", "--articles", "200"]
    command += ["--duration", "1", "--databases", "sqlite", "--scenarios", "home,article"]
    command += ["--port", "8566", "--output", str(output)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)  # noqa: S603
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    result = json.loads(output.read_text())
    assert set(result) == {"scenarios", "ceiling"}
    measured = [(s["name"], s["db"], s["cached"], s["concurrency"]) for s in result["scenarios"]]
    assert measured == [
        ("home", "sqlite", True, 16),
        ("article", "sqlite", True, 16),
        ("article_miss", "sqlite", False, 16),
        ("article_miss", "sqlite", False, 1),
        ("home", "sqlite", False, 16),
        ("article", "sqlite", False, 16),
        ("article", "sqlite", False, 1),
    ]
    for scenario in result["scenarios"]:
        assert set(scenario) == SCENARIO_KEYS
        assert scenario["errors"] == 0
        assert isinstance(scenario["rps"], float)
        # Counted in-process on the same database (the second request): a page served from
        # the page cache runs no SQL at all, a rendered one a few queries.
        # A page-cache miss is not counted (its fragment caches depend on what ran before).
        if scenario["cached"]:
            assert scenario["queries"] == 0
        elif scenario["name"] == "article_miss":
            assert scenario["queries"] is None
        else:
            assert 0 < scenario["queries"] < 100
    assert set(result["ceiling"]) == {"rps", "p50_ms"}
    assert result["ceiling"]["rps"] > 0
    assert "Targets:" in run.stdout
    assert "cached article (sqlite) >= 50% of the static ceiling" in run.stdout


DEPLOY_LIKE = """\
proxy_cache_path /var/cache/nginx/congdoan levels=1:2 keys_zone=congdoan:10m;
upstream congdoan {
    server unix:/run/congdoan/web.sock fail_timeout=0;
}
server {
    listen 80;
    return 301 https://$host$request_uri;
}
server {
    listen 443 ssl;
    http2 on;
    ssl_certificate /etc/letsencrypt/live/x/fullchain.pem;
    brotli on;
    location /static/ { alias /srv/congdoan/var/static/; }
    location / {
        proxy_cache congdoan;
        proxy_cache_valid 200 1s;
        proxy_pass http://congdoan;
    }
}
"""


def test_nginx_config_keeps_the_deploy_server_on_loopback_with_an_uncached_twin():
    config = nginx_site_config(
        DEPLOY_LIKE,
        socket=Path("/tmp/b/web.sock"),
        var_dir=Path("/tmp/b/var"),
        cache_dir=Path("/tmp/b/cache"),
        port=8550,
        uncached_port=8551,
        brotli_available=False,
    )
    assert "proxy_cache_path /tmp/b/cache levels=1:2 keys_zone=congdoan:10m;" in config
    assert "server unix:/tmp/b/web.sock fail_timeout=0;" in config
    assert "return 301" not in config
    for gone in ("ssl_certificate", "http2", "listen 80", "listen 443", "brotli"):
        assert gone not in config
    assert config.count("alias /tmp/b/var/static/;") == 2
    main, uncached = config.split("listen 127.0.0.1:8550;")[1].split("listen 127.0.0.1:8551;")
    assert "proxy_cache congdoan;" in main and "proxy_cache_valid 200 1s;" in main
    assert "proxy_cache" not in uncached
    assert "proxy_pass http://congdoan;" in uncached


WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:8550/
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.10ms  500.00us   9.00ms   80.00%
  Latency Distribution
     50%  812.00us
     75%    2.00ms
     90%    3.00ms
     99%    1.20s
  4000 requests in 2.00s, 40.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1999.96
Transfer/sec:     20.00MB
"""
# wrk pads a latency in seconds with a trailing space.
WRK_OUTPUT = WRK_OUTPUT.replace("1.20s", "1.20s ")


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        (WRK_OUTPUT, (2000.0, 0.81, 1200.0, 7, 4000)),
        (
            WRK_OUTPUT.replace("4000 requests", "0 requests").split("  Socket")[0]
            + "Requests/sec:      0.00\n",
            (0.0, None, None, 0, 0),
        ),
    ],
)
def test_wrk_summary_parsing(output, expected):
    result = parse_wrk(output)
    assert (result.rps, result.p50_ms, result.p99_ms, result.errors, result.requests) == expected
