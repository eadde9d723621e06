"""Lighthouse 12.2.3 (mobile) on the home page and an article of the demo site, served by the
production stack: `manage.py run_portal` under `congdoan.settings.production` (granian, static
files through WhiteNoise, gzip), on a fresh SQLite database with the demo loaded.

    .venv/bin/python bench/lighthouse.py                 # port 9250, reports in bench/results/

Prints the four category scores of each page against the targets (performance ≥ 95,
accessibility 100, best practices ≥ 95, SEO 100) and writes them, with each full Lighthouse
report, as JSON. Exits 1 when a score misses its target. Needs `make install` (npm's lighthouse)
and Chromium at /usr/bin/chromium (or CHROME_PATH).
"""

import argparse
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stack import ROOT, Process, fetch, wait_for  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
# As the browser tests start Chromium: headless, and no calls home on this closed network.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)


def portal_environment(var_dir: Path, port: int) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_HOST", "TASKS_BACKEND"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        VAR_DIR=str(var_dir),
        DATABASE_URL=f"sqlite:///{var_dir}/congdoan.sqlite3",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(var_dir / "outbox"),
    )
    return environment


def an_article_path(base_url: str) -> str:
    """The first article of a sub-section (`/section/sub-section/article/`) in the sitemaps."""
    status, _, body = fetch(base_url + "/sitemap.xml")
    if status != 200:
        raise RuntimeError(f"/sitemap.xml answered {status}")
    for sitemap in re.findall(r"<loc>([^<]+\.xml)</loc>", body.decode()):
        _, _, pages = fetch(base_url + re.sub(r"^https?://[^/]+", "", sitemap))
        for location in re.findall(r"<loc>([^<]+)</loc>", pages.decode()):
            path = re.sub(r"^https?://[^/]+", "", location)
            if len(path.strip("/").split("/")) == 3:
                return path
    raise RuntimeError("no article in the sitemaps")


def lighthouse(url: str, report_path: Path) -> dict[str, int]:
    """Lighthouse's default (mobile, simulated throttling) run of `url`: scores out of 100."""
    environment = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--form-factor=mobile",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={report_path}",
            f"--chrome-flags={CHROME_FLAGS}",
        ],
        env=environment,
        check=True,
        timeout=300,
    )
    report = json.loads(report_path.read_text())
    return {
        category: round(report["categories"][category]["score"] * 100) for category in CATEGORIES
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=9250)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    arguments = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("lighthouse is not installed: run `make install` (needs npm)", file=sys.stderr)
        return 2

    arguments.out.mkdir(parents=True, exist_ok=True)
    base_url = f"http://127.0.0.1:{arguments.port}"
    with tempfile.TemporaryDirectory(prefix="congdoan-lighthouse-") as work:
        var_dir = Path(work)
        portal = Process(
            [
                sys.executable,
                "manage.py",
                "run_portal",
                "--host",
                "127.0.0.1",
                "--port",
                str(arguments.port),
            ],
            log=var_dir / "portal.log",
            cwd=ROOT,
            env=portal_environment(var_dir, arguments.port),
        )
        try:
            # Migrations and the demo (pictures generated) come first: minutes on a busy machine.
            wait_for(base_url + "/", 1200, "run_portal", portal)
            pages = {"home": "/", "article": an_article_path(base_url)}
            # One visit each first: renditions are made and caches filled, as on a live site.
            for path in pages.values():
                fetch(base_url + path)
            results = {}
            for name, path in pages.items():
                scores = lighthouse(base_url + path, arguments.out / f"lighthouse-{name}.json")
                results[name] = {"path": path, "scores": scores}
        finally:
            portal.stop()

    summary_path = arguments.out / "lighthouse.json"
    summary_path.write_text(json.dumps({"targets": TARGETS, "pages": results}, indent=2))
    missed = []
    for name, result in results.items():
        line = ", ".join(f"{category} {score}" for category, score in result["scores"].items())
        print(f"{name} ({result['path']}): {line}")
        missed += [
            f"{name} {category} {score} < {TARGETS[category]}"
            for category, score in result["scores"].items()
            if score < TARGETS[category]
        ]
    print("targets: " + ", ".join(f"{category} ≥ {score}" for category, score in TARGETS.items()))
    print(f"reports: {arguments.out}/lighthouse-*.json, summary: {summary_path}")
    if missed:
        print("missed: " + "; ".join(missed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
