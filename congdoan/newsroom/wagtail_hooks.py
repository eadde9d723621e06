from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from congdoan.newsroom import guides
from congdoan.newsroom.roles import can_view_audit_log

# Wagtail's own help items (English, on wagtail.org) that the Vietnamese guides replace.
WAGTAIL_HELP_ITEMS = ("editor-guide",)
WAGTAIL_WHATS_NEW_PREFIX = "whats-new-in-wagtail-"


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [
        path("huong-dan/", guides.guide, name="newsroom_guide"),
        # The guide's relative links (images/…) land here.
        path("huong-dan/images/<str:name>", guides.guide_image, name="newsroom_guide_image"),
    ]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(
        guides.GUIDE_TITLE,
        reverse("newsroom_guide"),
        name="admin-guide",
        icon_name="help",
        order=900,
    )


@hooks.register("construct_help_menu")
def remove_wagtail_guides(request, menu_items):
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in WAGTAIL_HELP_ITEMS
        and not item.name.startswith(WAGTAIL_WHATS_NEW_PREFIX)
    ]


@hooks.register("construct_reports_menu")
def audit_log_for_administrators_only(request, menu_items):
    """Wagtail lists the audit log for whoever may explore pages; here, administrators only
    (who may have no page rights, so Wagtail's own item would stay hidden from them)."""
    audit_log_url = reverse("wagtailadmin_reports:site_history")
    menu_items[:] = [item for item in menu_items if item.url != audit_log_url]
    if can_view_audit_log(request.user):
        menu_items.append(
            MenuItem(
                _("Audit log"), audit_log_url, name="audit-log", icon_name="history", order=900
            )
        )
