from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Poll


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "list-ul"
    menu_label = _("Polls")
    add_to_admin_menu = True
    menu_order = 270
    list_display = ["question", "opens_at", "closes_at", Column("votes_count", label=_("votes"))]
    search_fields = ["question"]
    search_backend_name = None

    def get_queryset(self, request):
        from django.db.models import Count

        return Poll.objects.annotate(votes_count=Count("votes"))


register_snippet(PollViewSet)
