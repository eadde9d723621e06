from django.urls import path

from . import views

app_name = "legal"

urlpatterns = [
    path("van-ban/", views.document_list, name="list"),
    path("van-ban/du-thao/", views.open_drafts, name="open_drafts"),
    path("van-ban/<int:pk>-<slug:slug>/", views.document_detail, name="detail"),
    path("van-ban/<int:pk>/gop-y/", views.comment_on_draft, name="comment"),
    path("van-ban/tai-ve/<int:pk>/", views.download, name="download"),
]
