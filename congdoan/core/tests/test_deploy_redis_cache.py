"""With Redis as the cache (REDIS_URL), a stopped Redis is a cache miss, never an error page."""

import socket

import pytest
from django.core.cache import cache

from congdoan.settings.base import REDIS_CACHE_OPTIONS


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_redis_cache(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "KEY_PREFIX": "congdoan",
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }


def test_cache_calls_without_redis_miss_instead_of_failing(unreachable_redis_cache):
    cache.set("key", "value", 60)
    assert cache.get("key") is None
    assert cache.get_or_set("key", lambda: "computed", 60) == "computed"


@pytest.mark.django_db
def test_pages_render_without_redis(client, home_page, unreachable_redis_cache):
    response = client.get("/")
    assert response.status_code == 200
    assert home_page.title in response.content.decode()
