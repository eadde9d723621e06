"""Password rules, the admin session's lifetime and a password reset that reveals nothing."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError

from .conftest import PASSWORD


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ngắn-1", "Mật khẩu quá ngắn: cần có ít nhất 10 ký tự."),
        ("12345678901234", "Mật khẩu này hoàn toàn là số."),
        ("password1234", "Mật khẩu này quá phổ biến."),
    ],
)
def test_weak_passwords_are_refused_in_vietnamese(password, message):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert message in refused.value.messages


def test_a_long_uncommon_password_is_accepted():
    validate_password(PASSWORD)


def test_the_admin_session_lasts_eight_hours(client, editor):
    credentials = {"username": "bientap", "password": PASSWORD}
    # Without "remember me" the cookie dies with the browser, and the session after 8 hours.
    response = client.post("/admin/login/", credentials)
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == ""
    assert client.session.get_expiry_age() == 8 * 3600

    remembered = client.post("/admin/login/", {**credentials, "remember": "on"})
    assert remembered.cookies["sessionid"]["max-age"] == 8 * 3600


def test_password_reset_answers_the_same_whether_or_not_the_account_exists(client, editor):
    known = client.post("/admin/password_reset/", {"email": "bientap@example.vn"})
    unknown = client.post("/admin/password_reset/", {"email": "khong-ai@example.vn"})

    assert (known.status_code, known["Location"]) == (302, "/admin/password_reset/done/")
    assert (unknown.status_code, unknown["Location"]) == (302, "/admin/password_reset/done/")
    assert [message.to for message in mail.outbox] == [["bientap@example.vn"]]
    done = client.get("/admin/password_reset/done/")
    assert done.status_code == 200
