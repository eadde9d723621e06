"""Admin views: two-factor enrolment and sign-in code, backup codes, unlocking locked logins."""

from datetime import timedelta

from axes.models import AccessAttempt
from axes.utils import reset as reset_attempts
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from . import two_factor
from .roles import two_factor_required


class CodeForm(forms.Form):
    token = forms.CharField(
        label=pgettext_lazy("two-factor", "Code"),
        max_length=16,
        strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


@login_required
def two_factor_setup(request):
    """Enrol an authenticator app: QR code and key, then a code from the app confirms it."""
    user = request.user
    if user_has_device(user):
        if not user.is_verified():
            return redirect("accounts_two_factor_verify")
        return TemplateResponse(
            request,
            "accounts/two_factor_status.html",
            {
                "required": two_factor_required(user),
                "backup_codes_left": two_factor.backup_codes_left(user),
            },
        )
    device = two_factor.pending_totp_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            codes = two_factor.new_backup_codes(user)
            return TemplateResponse(
                request,
                "accounts/backup_codes.html",
                {
                    "codes": codes,
                    "next_url": two_factor.safe_next_url(request, reverse("wagtailadmin_home")),
                },
            )
        form.add_error("token", _("This code is not right. Enter the current code from the app."))
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_data_uri(device.config_url),
            "secret": two_factor.base32_key(device),
            "required": two_factor_required(user),
            "next": request.GET.get("next", ""),
        },
    )


@login_required
def two_factor_verify(request):
    """The second step of signing in: a code from the app or one unused backup code."""
    user = request.user
    fallback = reverse("wagtailadmin_home")
    if user.is_verified() or not user_has_device(user):
        return redirect(two_factor.safe_next_url(request, fallback))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(two_factor.safe_next_url(request, fallback))
        form.add_error(
            "token",
            _("This code is not right or has been used. Wait for a new code and try again."),
        )
    return TemplateResponse(
        request,
        "accounts/two_factor_verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


def require_verified(user):
    if not user_has_device(user) or not user.is_verified():
        raise PermissionDenied


@login_required
@require_POST
def two_factor_backup_codes(request):
    """Fresh backup codes, replacing the old ones (shown once)."""
    require_verified(request.user)
    codes = two_factor.new_backup_codes(request.user)
    return TemplateResponse(
        request,
        "accounts/backup_codes.html",
        {"codes": codes, "next_url": reverse("accounts_two_factor_setup")},
    )


@login_required
@require_POST
def two_factor_disable(request):
    """Turn the second factor off, for accounts whose role does not require it."""
    require_verified(request.user)
    if two_factor_required(request.user):
        raise PermissionDenied
    two_factor.remove_devices(request.user)
    messages.success(request, _("Two-step sign-in is turned off."))
    return redirect("wagtailadmin_account")


def locked_out(field: str):
    """User names or addresses with at least the failure limit within the cool-off window."""
    since = timezone.now() - timedelta(minutes=settings.AXES_COOLOFF_MINUTES)
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since)
    if field == "username":
        # Not for the address: its field turns "" into NULL, and `NOT (ip = NULL)` is never true.
        attempts = attempts.exclude(username="")
    return (
        attempts.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=settings.AXES_FAILURE_LIMIT)
        .order_by("-last_attempt")
    )


def can_unlock(user) -> bool:
    return user.is_superuser or user.has_perm("auth.change_user")


def locked_accounts(request):
    """*Tài khoản bị khóa*: user names and addresses locked out now, each with *Mở khóa*."""
    if not can_unlock(request.user):
        raise PermissionDenied
    if request.method == "POST":
        kind, value = request.POST.get("kind"), request.POST.get("value", "")[:255]
        if kind == "username" and value:
            reset_attempts(username=value)
        elif kind == "ip_address" and value:
            reset_attempts(ip=value)
        else:
            messages.error(request, _("Nothing to unlock."))
            return redirect("accounts_locked")
        messages.success(request, _("Unlocked: %(value)s") % {"value": value})
        return redirect("accounts_locked")
    return TemplateResponse(
        request,
        "accounts/locked_accounts.html",
        {
            "usernames": locked_out("username"),
            "addresses": locked_out("ip_address"),
            "cooloff_minutes": settings.AXES_COOLOFF_MINUTES,
        },
    )
