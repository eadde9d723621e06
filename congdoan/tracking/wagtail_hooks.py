from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet

from . import admin_urls
from .admin_views import TrackingViewSetGroup, recent_notices
from .permissions import can_use_tracker

register_snippet(TrackingViewSetGroup)


@hooks.register("register_admin_urls")
def tracker_admin_urls():
    return [path("theo-doi/", include((admin_urls.urlpatterns, "tracking_admin")))]


class TrackerMenuItem(MenuItem):
    """Shown to whoever may use the tracker (leaders and unit staff)."""

    def is_shown(self, request):
        return can_use_tracker(request.user)


@hooks.register("register_tracking_menu_item")
def dashboard_menu_item():
    return TrackerMenuItem(
        pgettext_lazy("tracker", "Overview"),
        reverse("tracking_admin:dashboard"),
        icon_name="view",
        order=-2,
    )


@hooks.register("register_tracking_menu_item")
def task_list_menu_item():
    return TrackerMenuItem(
        _("Tasks and progress"), reverse("tracking_admin:tasks"), icon_name="list-ul", order=-1
    )


class DeadlineNoticesPanel(Component):
    """The latest deadline reminders on the admin home, for tracker users."""

    name = "tracking_notices"
    order = 90
    template_name = "tracking/admin/notices_panel.html"

    def __init__(self, notices):
        self.notices = notices

    def get_context_data(self, parent_context=None):
        return {"notices": self.notices}


@hooks.register("construct_homepage_panels")
def add_deadline_notices_panel(request, panels):
    if can_use_tracker(request.user):
        notices = recent_notices(request.user, limit=5)
        if notices:
            panels.append(DeadlineNoticesPanel(notices))


# Periodic reports, task import and export (tracking.admin_reports): their URLs under
# /admin/theo-doi/ and their entries in the *Theo dõi thực hiện* menu.

from . import admin_reports  # noqa: E402


@hooks.register("register_admin_urls")
def report_admin_urls():
    return [
        path("theo-doi/tai-bao-cao/", admin_reports.reports_view, name="tracking_reports"),
        path(
            "theo-doi/tai-bao-cao/<int:pk>/",
            admin_reports.report_download_view,
            name="tracking_report_download",
        ),
        path("theo-doi/nhap-nhiem-vu/", admin_reports.import_view, name="tracking_import"),
        path(
            "theo-doi/nhap-nhiem-vu/mau-nhap-nhiem-vu.xlsx",
            admin_reports.import_template_view,
            name="tracking_import_template",
        ),
        path("theo-doi/xuat-danh-sach/", admin_reports.export_view, name="tracking_export"),
    ]


class ReportMenuItem(MenuItem):
    """A menu entry shown to whoever passes `allowed(user)`."""

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_tracking_menu_item")
def reports_menu_item():
    return ReportMenuItem(
        _("Download reports"),
        reverse("tracking_reports"),
        icon_name="doc-full",
        order=50,
        allowed=admin_reports.can_request_reports,
    )


@hooks.register("register_tracking_menu_item")
def import_menu_item():
    return ReportMenuItem(
        _("Import tasks"),
        reverse("tracking_import"),
        icon_name="upload",
        order=51,
        allowed=admin_reports.can_import_tasks,
    )


@hooks.register("register_tracking_menu_item")
def export_menu_item():
    return ReportMenuItem(
        _("Export the task list"),
        reverse("tracking_export"),
        icon_name="download",
        order=52,
        allowed=admin_reports.can_use_tracker,
    )
