from django.urls import path

from . import health, views

urlpatterns = [
    path("favicon.ico", views.favicon, name="favicon"),
    path("apple-touch-icon.png", views.apple_touch_icon, name="apple_touch_icon"),
    path("theme.css", views.theme_css, name="theme_css"),
    path("health/", health.health, name="health"),
]
