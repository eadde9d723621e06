from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# A template being edited must show at once: no page cache unless asked for.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
