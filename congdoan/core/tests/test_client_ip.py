"""The one client-IP function every rate limit and the visitor counter use."""

import pytest
from django.test import RequestFactory

from congdoan.core.client_ip import client_ip

factory = RequestFactory()


def request_with(remote_addr="", forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return factory.get("/", **extra)


def test_without_proxies_the_client_is_remote_addr_and_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_ip(request_with("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_behind_one_proxy_the_client_is_the_last_forwarded_entry(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The unix-socket server of deploy/ leaves REMOTE_ADDR empty.
    assert client_ip(request_with("", "203.0.113.7")) == "203.0.113.7"
    # Entries the client wrote itself, left of the proxy's, are not believed.
    assert client_ip(request_with("", "10.0.0.1, 1.2.3.4 ,203.0.113.7")) == "203.0.113.7"


def test_behind_two_proxies_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_ip(request_with("", "6.6.6.6, 203.0.113.7, 10.0.0.2")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("remote_addr", "forwarded_for", "expected"),
    [
        ("", "not-an-address", ""),
        ("", "2001:DB8::0:1", "2001:db8::1"),
        ("192.0.2.5", "", "192.0.2.5"),  # no header: the proxy is missing, use the socket
        ("", "x" * 5_000_000 + ", 203.0.113.7", "203.0.113.7"),
        ("", "<script>", ""),
    ],
)
def test_hostile_or_odd_headers(settings, remote_addr, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_ip(request_with(remote_addr, forwarded_for)) == expected


def test_deploy_nginx_passes_the_client_address_and_the_example_env_trusts_one_proxy():
    from django.conf import settings

    deploy = settings.BASE_DIR / "deploy"
    nginx = (deploy / "nginx" / "congdoan.conf").read_text()
    env = (deploy / "env.example").read_text().splitlines()

    # nginx is the edge: it replaces whatever X-Forwarded-For the client sent.
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in nginx
    assert "$proxy_add_x_forwarded_for" not in nginx
    assert "TRUSTED_PROXY_COUNT=1" in env
