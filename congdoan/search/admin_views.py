"""The editors' report of what readers search for (Reports › Search terms)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import stats
from .models import SearchQueryStat

search_stats_permission_policy = ModelPermissionPolicy(SearchQueryStat)


class SearchTermsReportView(ReportView):
    """The 50 most frequent searches of the last 30 days, and the 50 that most often found
    nothing: what to add to the abbreviations and synonyms, or to write about."""

    page_title = _("Search terms")
    header_icon = "search"
    results_template_name = "search/admin/search_terms_results.html"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    permission_policy = search_stats_permission_policy
    permission_required = "view"
    # Both lists are already cut to their 50 rows.
    paginate_by = None

    def get_queryset(self):
        return stats.top_searches()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["without_results"] = stats.top_searches_without_results()
        context["days"] = stats.REPORT_DAYS
        context["size"] = stats.REPORT_SIZE
        return context
