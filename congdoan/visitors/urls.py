from django.urls import path

from . import views

app_name = "visitors"

urlpatterns = [
    path("api/visitors/", views.numbers, name="numbers"),
    path("api/visitors/hit", views.hit, name="hit"),
    path("api/visitors/hit.gif", views.hit_pixel, name="hit_pixel"),
]
