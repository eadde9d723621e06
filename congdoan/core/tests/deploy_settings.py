"""Production settings for the app process the deploy tests put behind nginx.

The only differences: a URL that answers with the client address the app sees, and static URLs
without collectstatic's manifest (the test writes the few static files nginx serves itself).
"""

from congdoan.settings.production import *  # noqa: F403
from congdoan.settings.production import STORAGES

ROOT_URLCONF = "congdoan.core.tests.deploy_urls"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
