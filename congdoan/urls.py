from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("congdoan.core.urls")),
    path("", include("congdoan.news.urls")),
    path("", include("congdoan.legal.urls")),
    path("", include("congdoan.gallery.urls")),
    path("", include("congdoan.visitors.urls")),
    path("", include("congdoan.search.urls")),
]

if settings.SERVE_MEDIA:
    from congdoan.core.views import serve_media

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.*)$", serve_media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]
