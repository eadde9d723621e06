from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchTermsReportView, search_stats_permission_policy


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return search_stats_permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_admin_urls")
def register_search_terms_report_urls():
    return [
        path(
            "reports/search-terms/",
            SearchTermsReportView.as_view(),
            name="search_terms_report",
        ),
        path(
            "reports/search-terms/results/",
            SearchTermsReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("search_terms_report"),
        name="search-terms",
        icon_name="search",
        order=1300,
    )
