"""TOTP two-factor sign-in for the Wagtail admin (django-otp).

Wagtail's own login view checks the password; `TwoFactorMiddleware` then keeps a signed-in
account that has a confirmed device on the code page until a code from the authenticator app
(or a backup code) is entered, and keeps an account whose role requires a second factor on the
enrolment page until it has one. Backup codes are a django-otp static device of single-use codes.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .roles import two_factor_required

BACKUP_CODE_COUNT = 10
DEVICE_NAME = "authenticator"


def qr_code_data_uri(text: str) -> str:
    """An SVG QR code of `text` as a data: URI, for an <img> the page's CSP allows."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=12)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def pending_totp_device(user) -> TOTPDevice:
    """The user's unconfirmed device: the secret shown as a QR code until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def confirmed_totp_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def new_backup_codes(user) -> list[str]:
    """Replace the user's backup codes with fresh single-use ones and return them."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="backup", confirmed=True)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def safe_next_url(request, fallback: str) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return fallback


class TwoFactorMiddleware:
    """Hold signed-in admin users at the code or enrolment page until the second factor is done."""

    # Reachable before the second factor: signing out, the two-factor pages themselves, the
    # admin's static helpers, and password reset (which signs nobody in).
    OPEN_URL_NAMES = (
        "wagtailadmin_logout",
        "wagtailadmin_login",
        "accounts_two_factor_verify",
        "accounts_two_factor_setup",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
    )

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self) -> set[str]:
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in self.OPEN_URL_NAMES}
        return self._open_paths

    def __call__(self, request):
        redirect_to = self.required_step(request)
        if redirect_to:
            return redirect(f"{redirect_to}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def required_step(self, request) -> str | None:
        user = getattr(request, "user", None)
        admin_prefix = reverse("wagtailadmin_home")
        if user is None or not user.is_authenticated or not request.path.startswith(admin_prefix):
            return None
        if user.is_verified() or request.path in self.open_paths():
            return None
        if request.path.startswith(admin_prefix + "password_reset/"):
            return None
        if user_has_device(user):
            return reverse("accounts_two_factor_verify")
        if two_factor_required(user):
            return reverse("accounts_two_factor_setup")
        return None


def base32_key(device: TOTPDevice) -> str:
    """The secret as the authenticator apps type it in by hand, in groups of four."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name="backup").count()
