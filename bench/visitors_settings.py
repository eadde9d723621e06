"""Production settings for bench/visitors.py, minus collectstatic: pages still name their assets."""

from congdoan.settings.production import *  # noqa: F403
from congdoan.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
