"""Run in a subprocess by test_app_removal: migrate a fresh database and render the site.

Usage: python site_without_app.py APP_LABEL_REMOVED DATABASE_PATH
Prints one JSON object: what the home page and an article page answered.
"""

import json
import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
GALLERY_BLOCK = {
    "type": "gallery",
    "id": "0b8e6c2a-5a8f-4c39-9d59-1f3c3c1f0a01",
    "value": {"title": "Ảnh hội nghị", "photos": []},
}


def configure(removed: str, database: str) -> None:
    """Settings of the test profile, minus one app, on a SQLite file."""
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "congdoan.settings.test"
    from django.conf import settings

    import congdoan.settings.test as test_settings

    # An app whose models point at the removed app's models goes with it (the tracker's
    # programs link their resolution in the document library).
    requires = {"congdoan.tracking": {"legal"}}
    installed = [
        app
        for app in test_settings.INSTALLED_APPS
        if app != f"congdoan.{removed}" and removed not in requires.get(app, set())
    ]
    settings.configure(
        **{
            name: getattr(test_settings, name)
            for name in dir(test_settings)
            if name.isupper() and name != "INSTALLED_APPS"
        },
        INSTALLED_APPS=installed,
    )


def build_site():
    from django.db import connection
    from wagtail.models import Page, Site
    from wagtail.rich_text import RichText

    from congdoan.core.models import HomePage
    from congdoan.news.models import ArticlePage, SectionPage

    home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ"))
    Site.objects.update(root_page=home)
    section = home.add_child(instance=SectionPage(title="Tin tức", show_in_menus=True))
    article = section.add_child(
        instance=ArticlePage(
            title="Hội nghị người lao động năm 2026",
            sapo="Công đoàn cơ sở tổ chức hội nghị người lao động.",
            body=[("paragraph", RichText("<p>Theo Nghị quyết 02-NQ/TW của Bộ Chính trị.</p>"))],
        )
    )
    for page in (home, section, article):
        page.save_revision().publish()
    # A body block of the removed gallery, as stored content keeps it: it must be skipped.
    article.refresh_from_db()
    raw_body = [*article.body.raw_data, GALLERY_BLOCK]
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE news_articlepage SET body = %s WHERE page_ptr_id = %s",
            [json.dumps(raw_body), article.pk],
        )
    return article


def main(removed: str, database: str) -> None:
    configure(removed, database)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    article = build_site()

    from django.test import Client

    client = Client()
    report = {"installed": [app.label for app in django.apps.apps.get_app_configs()]}
    for name, url in (("home", "/"), ("article", article.url)):
        response = client.get(url)
        report[name] = {"status": response.status_code, "html": response.content.decode()}
    print(json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
