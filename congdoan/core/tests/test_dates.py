from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from congdoan.core.dates import format_date_vn, format_datetime_vn, format_number_vn

SEED_TIME_UTC = datetime(2021, 11, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "server_zone", ["UTC", "America/New_York", "Asia/Tokyo", "Asia/Ho_Chi_Minh"]
)
def test_publish_time_is_shown_in_vietnam_time_whatever_the_server_zone(settings, server_zone):
    settings.TIME_ZONE = server_zone
    with timezone.override(ZoneInfo(server_zone)):
        rendered = Template("{% load core_tags %}{{ when|vn_datetime }}").render(
            Context({"when": SEED_TIME_UTC})
        )
    assert rendered == "10/11/2021 07:00 GMT+7"


def test_time_given_in_another_zone_is_converted():
    new_york = datetime(2021, 11, 9, 19, 0, tzinfo=ZoneInfo("America/New_York"))
    assert format_datetime_vn(new_york) == "10/11/2021 07:00 GMT+7"


def test_date_formats():
    assert format_date_vn(date(2021, 6, 12)) == "12/06/2021"
    assert format_date_vn(datetime(2021, 6, 11, 20, 0, tzinfo=UTC)) == "12/06/2021"
    assert format_date_vn(None) == ""
    assert format_datetime_vn(None) == ""


def test_numbers_use_vietnamese_thousands_separator():
    assert format_number_vn(873532) == "873.532"
    assert format_number_vn(10) == "10"
    assert format_number_vn(1234567) == "1.234.567"
