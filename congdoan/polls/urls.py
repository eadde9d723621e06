from django.urls import path

from . import views

app_name = "polls"

urlpatterns = [
    path("tham-do/<int:pk>/", views.poll_detail, name="detail"),
    path("tham-do/<int:pk>/binh-chon/", views.vote, name="vote"),
]
