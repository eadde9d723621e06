"""Admin URLs under /admin/theo-doi/ (namespace `tracking_admin`)."""

from django.urls import path

from . import admin_views

urlpatterns = [
    path("", admin_views.dashboard_view, name="dashboard"),
    path("nhiem-vu/", admin_views.task_list_view, name="tasks"),
    path("nhiem-vu/<int:pk>/", admin_views.task_detail_view, name="task"),
    path("bao-cao/<int:pk>/minh-chung/", admin_views.evidence_view, name="evidence"),
]
