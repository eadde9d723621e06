"""Failed logins lock the user name and the client address (django-axes) on Wagtail's login."""

import pytest
import requests
import time_machine
from axes.models import AccessAttempt
from django.test import override_settings
from django.utils import timezone

from .conftest import PASSWORD, admin_user, csrf_token

LOGIN = "/admin/login/"
LOCKED_TEXT = "Nhập sai mật khẩu quá nhiều lần"


def log_in(client, username, password, address="203.0.113.7", **extra):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_thirty_wrong_passwords_then_the_right_one_is_refused_on_the_running_portal(
    live_server, client, admin_client
):
    admin_user("bientap")
    session = requests.Session()

    def attempt(password):
        page = session.get(live_server.url + LOGIN, timeout=30)
        return session.post(
            live_server.url + LOGIN,
            data={
                "username": "bientap",
                "password": password,
                "csrfmiddlewaretoken": csrf_token(page.text),
            },
            headers={"Referer": live_server.url + LOGIN},
            allow_redirects=False,
            timeout=30,
        )

    statuses = [attempt(f"sai-{n}").status_code for n in range(30)]
    assert statuses[:4] == [200] * 4
    assert set(statuses[4:]) == {429}

    refused = attempt(PASSWORD)
    assert refused.status_code == 429
    assert LOCKED_TEXT in refused.text
    assert "sessionid" not in session.cookies

    # An administrator unlocks the user name and the address from *Tài khoản bị khóa*.
    listing = admin_client.get("/admin/locked-accounts/")
    assert listing.status_code == 200
    assert 'data-locked="bientap"' in listing.content.decode()
    assert 'data-locked="127.0.0.1"' in listing.content.decode()
    for kind, value in (("username", "bientap"), ("ip_address", "127.0.0.1")):
        response = admin_client.post(
            "/admin/locked-accounts/", {"kind": kind, "value": value}, follow=True
        )
        assert f"Đã mở khóa: {value}" in response.content.decode()
    assert (
        "Không có mục nào bị khóa." in admin_client.get("/admin/locked-accounts/").content.decode()
    )

    accepted = attempt(PASSWORD)
    assert accepted.status_code == 302
    assert accepted.headers["Location"] == "/admin/"


def test_lockout_ends_after_the_cool_off(client, editor, settings):
    for n in range(5):
        log_in(client, "bientap", f"sai-{n}")
    assert log_in(client, "bientap", PASSWORD).status_code == 429

    later = timezone.now() + timezone.timedelta(minutes=settings.AXES_COOLOFF_MINUTES + 1)
    with time_machine.travel(later):
        response = log_in(client, "bientap", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_one_address_trying_many_user_names_is_locked_for_all(client, editor):
    for n in range(5):
        log_in(client, f"khong-co-{n}", "sai", address="198.51.100.9")
    assert log_in(client, "bientap", PASSWORD, address="198.51.100.9").status_code == 429
    # The same account from another address is not locked: it was never guessed at.
    assert log_in(client, "bientap", PASSWORD, address="198.51.100.10").status_code == 302


def test_one_user_name_guessed_from_many_addresses_is_locked(client, editor):
    for n in range(5):
        log_in(client, "bientap", "sai", address=f"192.0.2.{n + 1}")
    assert log_in(client, "bientap", PASSWORD, address="192.0.2.200").status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_comes_from_the_trusted_forwarded_entry(client, editor):
    for n in range(5):
        # The client forges a different left-most entry each time; the proxy's entry is the same.
        log_in(
            client,
            f"khong-co-{n}",
            "sai",
            address="",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.77",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"198.51.100.77"}
    locked = log_in(client, "bientap", PASSWORD, address="", HTTP_X_FORWARDED_FOR="198.51.100.77")
    assert locked.status_code == 429


def test_only_administrators_see_and_use_the_unlock_page(client, editor):
    for n in range(5):
        log_in(client, "nguoi-khac", f"sai-{n}")
    client.force_login(editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    listing = client.get("/admin/locked-accounts/")
    assert (listing.status_code, listing["Location"]) == (302, "/admin/")
    unlock = client.post("/admin/locked-accounts/", {"kind": "username", "value": "nguoi-khac"})
    assert (unlock.status_code, unlock["Location"]) == (302, "/admin/")
    assert AccessAttempt.objects.filter(username="nguoi-khac").exists()


def test_locked_accounts_page_is_in_the_settings_menu_for_administrators(admin_client):
    response = admin_client.get("/admin/")
    assert "/admin/locked-accounts/" in response.content.decode()
