"""Project-wide test fixtures."""

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    # The live server's listen backlog (10) resets connections when dozens of concurrent
    # visitors connect at once on a busy machine; real servers (gunicorn) use 2048.
    from django.core.servers.basehttp import WSGIServer

    WSGIServer.request_queue_size = 256


def require_service(name: str, available: bool, how: str):
    """Needed service missing: fail in CI; elsewhere skip, saying why."""
    if available:
        return
    message = f"{name} is not available: {how}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def chromium_path():
    path = "/usr/bin/chromium"
    require_service("chromium", shutil.which(path) is not None, "apt-get install chromium")
    return path


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        available = True
    except Exception:  # noqa: BLE001 - any failure means no usable server
        available = False
    require_service("Redis", available, f"start redis-server or set REDIS_TEST_URL ({url})")
    return url


@pytest.fixture
def home_page(db):
    from congdoan.core.factories import HomePageFactory

    return HomePageFactory.create_as_site_root()


@pytest.fixture(autouse=True)
def clear_caches():
    """Each test starts with empty caches: rolled-back rows must not live on in a cache."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def force_login_verified(client, user):
    """Sign `user` in as after the password *and* the second factor (django-otp), so that roles
    that must use two-factor sign-in reach the admin; tests of the two-factor steps themselves
    sign in with `client.force_login` instead."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    client.force_login(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
