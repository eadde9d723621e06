from django.urls import path

from . import views

app_name = "questions"

urlpatterns = [
    path("hoi-dap/<int:pk>/", views.question_redirect, name="detail"),
]
