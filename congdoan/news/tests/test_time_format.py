import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test import override_settings

from congdoan.news.models import ArticlePage

pytestmark = pytest.mark.django_db

SHOWN = "10/11/2021 07:00 GMT+7"


@pytest.mark.parametrize("server_zone", ["Asia/Ho_Chi_Minh", "UTC", "America/New_York"])
def test_publish_time_shows_in_vietnam_time_whatever_the_server_zone(client, article, server_zone):
    with override_settings(TIME_ZONE=server_zone):
        article_html = client.get(article.url).content.decode()
        section_html = client.get(article.get_parent().url).content.decode()
        print_html = client.get(article.url + "in/").content.decode()

    assert SHOWN in article_html
    machine_time = re.search(r'<time datetime="([^"]+)"', article_html).group(1)
    assert datetime.fromisoformat(machine_time) == datetime(2021, 11, 10, 0, 0, tzinfo=UTC)
    assert SHOWN in section_html
    assert SHOWN in print_html


@pytest.mark.parametrize("server_zone", ["UTC", "America/New_York"])
def test_naive_utc_value_stored_in_the_database_shows_in_vietnam_time(client, article, server_zone):
    # SQLite keeps datetimes as naive UTC text; write one directly as an import would.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE news_articlepage SET published_at = %s WHERE page_ptr_id = %s",
            ["2021-11-10 00:00:00", article.pk],
        )

    with override_settings(TIME_ZONE=server_zone):
        article = ArticlePage.objects.get(pk=article.pk)
        html = client.get(article.url).content.decode()

    assert article.published_at == datetime(2021, 11, 10, 0, 0, tzinfo=UTC)
    assert SHOWN in html


def test_midnight_in_vietnam_is_the_previous_day_in_utc(client, article):
    article.published_at = datetime(2021, 11, 9, 17, 30, tzinfo=UTC)
    article.save_revision().publish()

    with override_settings(TIME_ZONE="UTC"):
        html = client.get(article.url).content.decode()

    assert "10/11/2021 00:30 GMT+7" in html
