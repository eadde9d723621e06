"""The search dictionaries in the admin: abbreviations and synonym groups, under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
