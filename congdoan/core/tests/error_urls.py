"""The site's URLs plus views that fail, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.urls import path

from congdoan.urls import handler400, handler500
from congdoan.urls import urlpatterns as site_urlpatterns


def database_failure(request):
    raise OperationalError("database is locked")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [
    path("loi-co-so-du-lieu/", database_failure),
    path("khong-duoc-phep/", forbidden),
    *site_urlpatterns,
]

__all__ = ["handler400", "handler500", "urlpatterns"]
