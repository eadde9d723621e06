import re

from django.apps import apps
from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from congdoan.core.views import serve_document, serve_media, serve_protected_media

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, wrapped so the site's own pages may frame a PDF.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("congdoan.core.urls")),
    path("", include("congdoan.accounts.urls")),
]

# Each feature app's URLs while it is installed: dropping an app from INSTALLED_APPS is enough.
FEATURE_APPS = [
    "congdoan.news",
    "congdoan.legal",
    "congdoan.gallery",
    "congdoan.visitors",
    "congdoan.search",
    "congdoan.newsroom",
    "congdoan.questions",
    "congdoan.polls",
]
urlpatterns += [path("", include(f"{app}.urls")) for app in FEATURE_APPS if apps.is_installed(app)]

# Documents and original images are always checked by Django, whoever sends the file.
protected_prefix = re.escape(settings.PROTECTED_MEDIA_URL.lstrip("/"))
urlpatterns += [
    re_path(
        rf"^{protected_prefix}(?P<path>(?:documents|original_images)/.+)$",
        serve_protected_media,
        name="protected_media",
    )
]

if settings.SERVE_MEDIA:
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

# 404 and 403 are Django's own views rendering core's 404.html/403.html with the site's header;
# 400 and 500 need no database and trust nothing in the request.
handler400 = "congdoan.core.views.bad_request"
handler500 = "congdoan.core.views.server_error"
