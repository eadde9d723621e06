"""Search in the admin: the dictionaries (abbreviations and synonym groups, under one menu)
and the editors' report of what readers search for."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_views import SearchTermsReportView, search_stats_permission_policy
from .models import Abbreviation, SynonymGroup


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    icon = "list-ul"
    list_display = ["short_form", "expansions"]
    search_fields = ["short_form", "expansions"]
    ordering = ["key"]


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    list_display = ["name", "words"]
    search_fields = ["name", "words"]


class SearchDictionaryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Search dictionary")
    menu_icon = "search"
    menu_name = "search-dictionary"
    items = (AbbreviationViewSet, SynonymGroupViewSet)


register_snippet(SearchDictionaryViewSetGroup)


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
