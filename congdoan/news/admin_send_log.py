"""Wagtail admin: "Thư gửi bài viết", the delivery of every "Gửi bài viết" email.

Read-only: the site writes these rows; admins filter them by status to see failed sends (the
last error says why) while they are retried or after they gave up.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticleSendLog


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Viewing and deleting need the usual permissions; nobody adds or edits a log by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


class ArticleSendLogViewSet(SnippetViewSet):
    model = ArticleSendLog
    icon = "mail"
    add_to_admin_menu = True
    menu_label = _("Article emails")
    menu_order = 900
    inspect_view_enabled = True
    list_display = [
        "article",
        "created_at",
        Column("get_status_display", label=_("status"), sort_key="status"),
        "attempts",
        "last_error",
    ]
    list_filter = ["status"]
    ordering = ["-created_at"]
