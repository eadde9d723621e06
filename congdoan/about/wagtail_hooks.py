from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Department


class DepartmentViewSet(SnippetViewSet):
    """Departments and member units (*Giới thiệu → Cơ cấu tổ chức*, *Liên hệ*)."""

    model = Department
    icon = "group"
    menu_label = _("Departments and member units")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "parent", "receives_messages", "sort_order"]
    list_filter = ["kind", "receives_messages", "parent"]
    search_fields = ["name", "name_en", "head"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


register_snippet(DepartmentViewSet)
