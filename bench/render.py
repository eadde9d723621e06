"""Uncached render cost of the main page types under production settings: p50/p95 and SQL queries.

    .venv/bin/python bench/render.py                 # SQLite (in memory), 100 requests a page
    .venv/bin/python bench/render.py --requests 200 --database-url postgres://…/congdoan_bench

Builds `congdoan.tests.realistic_site` (every sidebar and home block filled: albums, videos,
documents, most read, the counter, a logo) plus `--articles` more articles in a throw-away
database, with `congdoan.settings.production` (DEBUG off, cached template loader, compressed
manifest static files, the file cache in a temporary VAR_DIR). Then, through the test Client at
concurrency 1, renders home, a section (page 1 and 2), the article and its print view and
prints, per page: p50 and p95 of the whole request, queries with the data caches warm (what every
uncached page view costs) and with every cache cleared. Each timed request is a full-page cache
miss (the page's entry is dropped before it, checked by `X-Page-Cache: miss`): the page is
rendered, with the side blocks' fragment caches and the site-wide data warm. Exits 1 when the
article's p50 is over the 20 ms target.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR))
sys.path.insert(0, str(REPO_DIR / "bench"))

ARTICLE_TARGET_MS = 20.0
PAGES = ("home", "section", "section_deep", "article", "print")


def configure(database_url: str) -> Path:
    """Production settings on loopback, everything written under a temporary directory."""
    var_dir = Path(tempfile.mkdtemp(prefix="congdoan-bench-render-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "congdoan.settings.production"
    os.environ.setdefault("SECRET_KEY", "bench-render-not-secret-" + "x" * 40)
    os.environ["HTTPS"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["VAR_DIR"] = str(var_dir)
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    return var_dir


def add_articles(site, count: int) -> None:
    from congdoan.news.factories import ArticlePageFactory

    section = site.pages["section"]
    for number in range(count):
        article = ArticlePageFactory(parent=section, title=f"Tin hoạt động công đoàn số {number}")
        article.save_revision().publish()


def make_renditions() -> None:
    """Every rendition the pages show, as the background task makes them in production."""
    from wagtail.images import get_image_model

    from congdoan.core.images import generate_renditions

    generate_renditions.call(list(get_image_model().objects.values_list("pk", flat=True)))


def clear_caches() -> None:
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def drop_from_page_cache(url: str) -> None:
    """Forget the stored page, so that the next request renders it (a page-cache miss) while
    the side blocks' fragments and the site-wide data stay cached, as after any miss."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from congdoan.core import content_version, page_cache

    cache.delete(page_cache.cache_key(RequestFactory().get(url), content_version.current()))


def rendered(client, url: str):
    """One render of the page: a page-cache miss (checked, so that hits are never timed)."""
    drop_from_page_cache(url)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["X-Page-Cache"] == "miss", (url, response["X-Page-Cache"])
    return response


def queries_of(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    drop_from_page_cache(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def timings(client, url: str, requests: int) -> list[float]:
    for _ in range(5):
        rendered(client, url)
    elapsed = []
    for _ in range(requests):
        drop_from_page_cache(url)
        started = time.perf_counter()
        response = client.get(url)
        elapsed.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        assert response["X-Page-Cache"] == "miss", (url, response["X-Page-Cache"])
    return elapsed


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=100, help="timed requests per page")
    parser.add_argument("--articles", type=int, default=150, help="articles beyond the 45")
    parser.add_argument("--database-url", default="", help="PostgreSQL server (default: SQLite)")
    options = parser.parse_args()

    configure(options.database_url)
    from throwaway_database import throwaway_database

    with throwaway_database():
        import logging
        import warnings

        from django.core.management import call_command
        from django.test import Client

        logging.disable(logging.WARNING)
        warnings.filterwarnings("ignore")
        started = time.perf_counter()
        call_command("collectstatic", interactive=False, verbosity=0)
        from congdoan.core.factories import HomePageFactory
        from congdoan.tests.realistic_site import build

        site = build(HomePageFactory.create_as_site_root())
        add_articles(site, options.articles)
        make_renditions()
        print(f"dataset and static files ready in {time.perf_counter() - started:.0f}s")

        client = Client()
        print(f"{'page':<14}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'cold':>6}")
        results = {}
        for name in PAGES:
            url = site.urls[name]
            elapsed = timings(client, url, options.requests)
            warm = queries_of(client, url)
            clear_caches()
            cold = queries_of(client, url)
            results[name] = statistics.median(elapsed)
            print(
                f"{name:<14}{results[name]:>9.1f}{percentile(elapsed, 0.95):>9.1f}"
                f"{warm:>9}{cold:>6}"
            )
    met = results["article"] <= ARTICLE_TARGET_MS
    verdict = "met" if met else "NOT met"
    print(f"target: uncached article p50 <= {ARTICLE_TARGET_MS:.0f} ms: {verdict}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
