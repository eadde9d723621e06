"""TOTP two-factor sign-in on the Wagtail admin: enrolment, the code step, backup codes, roles."""

import re

import pytest
import time_machine
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import PASSWORD, admin_user

pytestmark = pytest.mark.django_db

SETUP = "/admin/two-factor/"
VERIFY = "/admin/two-factor/verify/"


def sign_in(client, username):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def code_for(device, at=None):
    """The 6-digit code the authenticator app shows at `at` (now by default)."""
    app = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    app.time = (at or timezone.now()).timestamp()
    return f"{app.token():06d}"


def enrol(client, user):
    page = client.get(SETUP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"token": code_for(device)})
    assert response.status_code == 200
    return device, re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())


@pytest.mark.parametrize("role", ["chief_editor", "administrator"])
def test_required_roles_cannot_use_the_admin_before_enrolling(client, role):
    user = admin_user("truong-ban", role)
    sign_in(client, "truong-ban")

    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(SETUP + "?next=")
    setup_page = client.get(SETUP).content.decode()
    assert "Vai trò của bạn bắt buộc xác thực hai bước" in setup_page
    assert 'src="data:image/svg+xml;base64,' in setup_page

    device, backup_codes = enrol(client, user)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert len(backup_codes) == 10
    assert client.get("/admin/").status_code == 200


def test_a_wrong_confirmation_code_does_not_turn_it_on(client):
    user = admin_user("truong-ban", "chief_editor")
    sign_in(client, "truong-ban")
    client.get(SETUP)
    response = client.post(SETUP, {"token": "000000"})
    assert "Mã không đúng. Hãy nhập mã hiện tại trong ứng dụng." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_enrolled_accounts_enter_a_code_after_the_password(client):
    user = admin_user("truong-ban", "chief_editor")
    sign_in(client, "truong-ban")
    device, backup_codes = enrol(client, user)
    client.logout()

    later = timezone.now() + timezone.timedelta(minutes=5)
    with time_machine.travel(later, tick=False) as traveller:
        sign_in(client, "truong-ban")
        response = client.get("/admin/pages/")
        assert response.status_code == 302
        assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fpages%2F"

        wrong = client.post(VERIFY, {"token": "123456", "next": "/admin/pages/"})
        assert "Mã không đúng hoặc đã được dùng" in wrong.content.decode()
        assert client.get("/admin/").status_code == 302

        # A wrong code makes the device wait a second before it checks another (throttling).
        traveller.shift(2)
        code = code_for(device, timezone.now())
        right = client.post(VERIFY, {"token": code, "next": "/admin/pages/"})
        assert (right.status_code, right["Location"]) == (302, "/admin/pages/")
        assert client.get("/admin/").status_code == 200


def test_a_backup_code_signs_in_once(client):
    user = admin_user("truong-ban", "administrator")
    sign_in(client, "truong-ban")
    _, backup_codes = enrol(client, user)

    for attempt in range(2):
        client.logout()
        sign_in(client, "truong-ban")
        response = client.post(VERIFY, {"token": backup_codes[0], "next": "/admin/"})
        if attempt == 0:
            assert (response.status_code, response["Location"]) == (302, "/admin/")
        else:
            assert response.status_code == 200
            assert "Mã không đúng hoặc đã được dùng" in response.content.decode()


def test_other_accounts_may_use_the_admin_without_it_and_enrol_from_their_account_page(client):
    user = admin_user("phong-vien")
    sign_in(client, "phong-vien")
    assert client.get("/admin/").status_code == 200
    account_page = client.get("/admin/account/").content.decode()
    assert f'href="{SETUP}"' in account_page
    assert "Xác thực hai bước" in account_page

    enrol(client, user)
    status = client.get(SETUP).content.decode()
    assert "Xác thực hai bước đang bật" in status
    assert "Bạn còn 10 mã dự phòng chưa dùng." in status

    response = client.post("/admin/two-factor/disable/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_required_roles_cannot_turn_it_off(client):
    user = admin_user("truong-ban", "chief_editor")
    sign_in(client, "truong-ban")
    enrol(client, user)
    assert "Tắt xác thực hai bước" not in client.get(SETUP).content.decode()
    client.post("/admin/two-factor/disable/")
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_superusers_count_as_administrators(client, settings, django_user_model):
    settings.TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = True
    django_user_model.objects.create_superuser("quantri", "quantri@example.vn", PASSWORD)
    sign_in(client, "quantri")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_the_code_page_only_follows_local_next_urls(client):
    user = admin_user("truong-ban", "chief_editor")
    sign_in(client, "truong-ban")
    device, _ = enrol(client, user)
    client.logout()
    later = timezone.now() + timezone.timedelta(minutes=5)
    with time_machine.travel(later, tick=False):
        sign_in(client, "truong-ban")
        response = client.post(
            VERIFY, {"token": code_for(device, later), "next": "https://evil.example/"}
        )
    assert response["Location"] == "/admin/"
