from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [
    path("van-ban/", views.document_list, name="list"),
    path("van-ban/<int:pk>-<slug:slug>/", views.document_detail, name="detail"),
    path("van-ban/tai-ve/<int:pk>/", views.download, name="download"),
]
