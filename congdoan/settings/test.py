import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key-not-for-production-use-0123456789abcdef"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests of the page cache turn it on; elsewhere a test sees what it just rendered.
PAGE_CACHE_ENABLED = False
WAGTAILFRONTENDCACHE = {}
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="congdoan-test-media-")
# Files a test run writes under VAR_DIR (the demo editor's password) stay out of the checkout.
VAR_DIR = Path(tempfile.mkdtemp(prefix="congdoan-test-var-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if "DATABASE_URL" not in os.environ:
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}  # noqa: F405
# Most tests drive the admin as a superuser without a phone; the two-factor tests turn it on.
TWO_FACTOR_REQUIRED_FOR_SUPERUSERS = False
