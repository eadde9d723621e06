import uuid

import pytest

HUMAN_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def visitor_settings(settings, tmp_path):
    """A private buffer per test, no background flusher, no cached numbers."""
    settings.VISITORS_ENABLED = True
    settings.VISITORS_BACKEND = "database"
    settings.VISITORS_BUFFER_DIR = tmp_path / "visitors-buffer"
    settings.VISITORS_FLUSH_SECONDS = 0
    settings.VISITORS_WIDGET_CACHE_SECONDS = 0
    settings.VISITORS_MOST_READ_CACHE_SECONDS = 0
    settings.VISITORS_TOTAL_START = 0
    # Tests of other rules post many visitors from one test address; the bound has its own tests.
    settings.VISITORS_NEW_VISITORS_PER_ADDRESS = 1000
    return settings


def use_redis(settings, url):
    import redis

    prefix = f"test-visitors:{uuid.uuid4().hex}"
    settings.VISITORS_BACKEND = "redis"
    settings.VISITORS_REDIS_URL = url
    settings.VISITORS_REDIS_PREFIX = prefix
    return redis.Redis.from_url(url), prefix


@pytest.fixture(
    params=[
        pytest.param("database", marks=pytest.mark.postgres),
        pytest.param("redis", marks=pytest.mark.redis),
    ]
)
def backend_name(request, settings):
    """Run the test on each backend; the Redis one needs a server (REDIS_TEST_URL)."""
    if request.param == "redis":
        client, prefix = use_redis(settings, request.getfixturevalue("redis_url"))
        yield "redis"
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        yield "database"


def post_hit(client, page_id=None, cid="", user_agent=HUMAN_UA, **extra):
    data = {}
    if page_id:
        data["page"] = str(page_id)
    if cid:
        data["cid"] = cid
    return client.post("/api/visitors/hit", data, HTTP_USER_AGENT=user_agent, **extra)
