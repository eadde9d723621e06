"""The page shown instead of the login form once django-axes has locked an account or address."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """Vietnamese lockout page (HTTP 429): how long to wait and who can unlock sooner."""
    return render(
        request,
        "accounts/lockout.html",
        {"cooloff_minutes": settings.AXES_COOLOFF_MINUTES},
        status=429,
    )
