"""Sitemap index and RSS on a large site: time and queries stay flat as pages grow.

Run: .venv/bin/python bench/sitemap.py [PAGES]   (default 25,000; a throwaway SQLite database)
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.test")

import django  # noqa: E402

django.setup()

import logging  # noqa: E402
import warnings  # noqa: E402

logging.disable(logging.INFO)
warnings.filterwarnings("ignore", message="No directory at")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402


def build_site(total: int):
    from wagtail.models import Page

    from congdoan.core.factories import HomePageFactory
    from congdoan.news.factories import SectionPageFactory

    home = HomePageFactory.create_as_site_root()
    section = SectionPageFactory(parent=home, title="Tin tức")
    now = timezone.now()
    pages = [
        Page(
            title=f"Trang {number}",
            slug=f"trang-{number}",
            path=Page._get_path(section.path, section.depth + 1, number),
            depth=section.depth + 1,
            numchild=0,
            url_path=f"{section.url_path}trang-{number}/",
            live=True,
            first_published_at=now,
            last_published_at=now,
            content_type_id=section.content_type_id,
            locale_id=section.locale_id,
        )
        for number in range(1, total + 1)
    ]
    Page.objects.bulk_create(pages, batch_size=2000)
    Page.objects.filter(pk=section.pk).update(numchild=total)


def measure(client, url):
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries), len(response.content)


def main():
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 25_000
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        started = time.perf_counter()
        build_site(total)
        print(f"built {total:,} pages in {time.perf_counter() - started:.1f}s")
        client = Client()
        from congdoan.news.sitemaps import SITEMAP_PAGE_SIZE

        pages = -(-(total + 2) // SITEMAP_PAGE_SIZE)
        urls = ["/sitemap.xml"] + [f"/sitemap-pages.xml?p={n}" for n in range(1, pages + 1)]
        for url in [*urls, "/rss/"]:
            elapsed, queries, size = measure(client, url)
            print(f"{url:28} {elapsed * 1000:8.0f} ms {queries:4d} queries {size / 1024:8.0f} KiB")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
