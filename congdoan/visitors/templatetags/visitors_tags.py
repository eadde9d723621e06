from django import template
from django.conf import settings

from congdoan.visitors import stats

register = template.Library()


@register.simple_tag
def visitors_enabled() -> bool:
    return settings.VISITORS_ENABLED


@register.simple_tag
def visitor_counts() -> dict[str, int]:
    return stats.cached_counts()


@register.simple_tag
def most_read_articles() -> dict[str, list[dict]]:
    return stats.most_read()
