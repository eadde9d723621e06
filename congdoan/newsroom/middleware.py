from wagtail.admin.auth import permission_denied

from congdoan.newsroom.roles import can_view_audit_log

# Wagtail's site-wide audit log ("Lịch sử trang web" under Reports) and its results/exports.
AUDIT_LOG_VIEWS = frozenset(
    {"wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"}
)


class AuditLogAccessMiddleware:
    """Only administrators open the site-wide audit log.

    Wagtail shows it to every editor who can explore pages; it records who did what to every
    account, setting and page, which is the administrators' business. Each page's own history
    (needed to compare and revert revisions) stays open to its editors.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and match.view_name in AUDIT_LOG_VIEWS and not can_view_audit_log(request.user):
            return permission_denied(request)  # back to the dashboard, with Wagtail's message
        return None
