"""The site's URLs plus views that fail, for the 500 page tests."""

from django.db import OperationalError
from django.urls import path

from congdoan.urls import handler500
from congdoan.urls import urlpatterns as site_urlpatterns


def database_failure(request):
    raise OperationalError("database is locked")


urlpatterns = [path("loi-co-so-du-lieu/", database_failure), *site_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
