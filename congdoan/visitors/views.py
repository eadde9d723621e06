"""The beacon endpoints (counting) and the numbers as JSON."""

import base64
import logging
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST, require_safe
from redis import RedisError

from congdoan.core.client_ip import client_ip

from . import stats
from .backends import Hit, get_backend, vietnam_day
from .bots import is_bot
from .counted_items import parse_item
from .identity import address_hash, clean_client_id, visitor_hash

logger = logging.getLogger(__name__)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
MAX_PAGE_ID = 2**31 - 1


def require_enabled():
    if not settings.VISITORS_ENABLED:
        raise Http404


def parse_page_id(value: str | None) -> int | None:
    if value and value.isdigit() and 0 < int(value) <= MAX_PAGE_ID:
        return int(value)
    return None


def count_hit(request, page_id: int | None, client_id: str, item: str = "") -> bool:
    """Count one hit from a person; bots and cross-site requests are ignored."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:512]
    if is_bot(user_agent) or request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    now = time.time()
    try:
        backend = get_backend()
        salt = backend.daily_salt(vietnam_day(now))
        ip = client_ip(request)
        visitor = visitor_hash(salt, ip, user_agent, client_id)
        backend.record(Hit(now, visitor, page_id, address_hash(salt, ip), item))
    except (RedisError, DatabaseError, OSError):
        logger.exception("A visitor hit could not be counted.")
        return False
    return True


@csrf_exempt
@require_POST
def hit(request):
    """The beacon: navigator.sendBeacon or fetch(keepalive) from every page."""
    require_enabled()
    client_id = clean_client_id(request.POST.get("cid"))
    item = parse_item(request.POST.get("item"))
    count_hit(request, parse_page_id(request.POST.get("page")), client_id, item)
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


@require_safe
def hit_pixel(request):
    """The fallback for browsers without JavaScript: an image in <noscript>.

    HEAD (link checkers, proxies) gets the GET headers and no body, and counts nothing.
    """
    require_enabled()
    if request.method == "GET":
        item = parse_item(request.GET.get("item"))
        count_hit(request, parse_page_id(request.GET.get("page")), "", item)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store, private"
    return response


@require_GET
def numbers(request):
    """{"online": N, "total": N} for the widget's refresh and for other sites."""
    require_enabled()
    response = JsonResponse(stats.counts())
    response["Cache-Control"] = "public, max-age=10"
    return response
