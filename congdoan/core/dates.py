"""Date formatting as Vietnamese readers expect it, whatever the server's time zone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def to_vietnam_time(value: datetime) -> datetime:
    return value.astimezone(VIETNAM_TZ)


def format_datetime_vn(value: datetime | None) -> str:
    """`10/11/2021 07:00 GMT+7`."""
    if value is None:
        return ""
    return to_vietnam_time(value).strftime("%d/%m/%Y %H:%M GMT+7")


def format_date_vn(value: date | datetime | None) -> str:
    """`12/06/2021`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_vietnam_time(value)
    return value.strftime("%d/%m/%Y")


def format_number_vn(value: int | None) -> str:
    """`873.532`: Vietnamese thousands separator."""
    if value is None:
        return "0"
    return f"{int(value):,}".replace(",", ".")
