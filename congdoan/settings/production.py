from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, TRUSTED_PROXY_COUNT
from .env import env_bool, env_int

DEBUG = False
SECRET_KEY_MIN_LENGTH = 50
if not SECRET_KEY or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if len(SECRET_KEY) < SECRET_KEY_MIN_LENGTH:
    raise ImproperlyConfigured(
        f"SECRET_KEY is {len(SECRET_KEY)} characters long; production needs at least "
        f"{SECRET_KEY_MIN_LENGTH} random characters, e.g. "
        'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
    )

# HTTPS=false only for a portal served on loopback by `make run`.
HTTPS = env_bool("HTTPS", True)
# X-Forwarded-Proto is believed only from a proxy we were told about; without one, any client
# could send it and make a plain-HTTP request look secure.
if TRUSTED_PROXY_COUNT > 0:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
# Load balancers probe /health/ over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preload lists are hard to leave: only when the operator asks for it.
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    # check --deploy warns about a missing preload; leaving it out is the deliberate default.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail allows its own preview iframe with a per-view override.
X_FRAME_OPTIONS = "DENY"
