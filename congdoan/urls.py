import re

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
    path("", include("congdoan.news.urls")),
    path("", include("congdoan.legal.urls")),
    path("", include("congdoan.gallery.urls")),
    path("", include("congdoan.visitors.urls")),
    path("", include("congdoan.search.urls")),
]

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
