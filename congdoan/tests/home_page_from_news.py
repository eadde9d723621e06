"""Run in a subprocess by test_home_page_migration: a database made before HomePage moved.

Usage: python home_page_from_news.py DATABASE_PATH
Migrates a fresh SQLite file to the last state where HomePage lived in `news`, makes the
welcome page a news home page there, migrates to the end and prints what became of it as JSON.
"""

import json
import os
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]


def main(database: str) -> None:
    sys.path.insert(0, str(PROJECT_DIR))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "congdoan.settings.test"
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    call_command("migrate", "core", "0003_vietnamese_workflow_names", verbosity=0)
    call_command("migrate", "news", "0005_article_body_blocks_from_apps", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id FROM django_content_type WHERE app_label = 'news' AND model = 'homepage'"
        )
        (news_home_type,) = cursor.fetchone()
        cursor.execute("SELECT root_page_id FROM wagtailcore_site WHERE is_default_site")
        (home_id,) = cursor.fetchone()
        cursor.execute(
            "UPDATE wagtailcore_page SET content_type_id = %s, title = %s WHERE id = %s",
            [news_home_type, "Trang chủ cũ", home_id],
        )
        cursor.execute("INSERT INTO news_homepage (page_ptr_id) VALUES (%s)", [home_id])
    applied_before = [
        f"{app}.{name}"
        for app, name in connection.cursor()
        .execute("SELECT app, name FROM django_migrations WHERE app IN ('core', 'news')")
        .fetchall()
    ]

    call_command("migrate", verbosity=0)

    from django.contrib.contenttypes.models import ContentType
    from django.test import Client
    from wagtail.models import Page

    home = Page.objects.get(pk=home_id)
    response = Client().get("/")
    print(
        json.dumps(
            {
                "applied_before": applied_before,
                "specific_class": home.specific_class._meta.label,
                "title": home.specific.title,
                "home_types": sorted(
                    ContentType.objects.filter(model="homepage").values_list("app_label", flat=True)
                ),
                "status": response.status_code,
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
