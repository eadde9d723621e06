from django.urls import path

from . import health, views

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("health/", health.health, name="health"),
]
