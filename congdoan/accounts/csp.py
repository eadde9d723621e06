"""Content-Security-Policy: one policy for the public site, another for the Wagtail admin.

django-csp writes the header; `PortalCSPMiddleware` only picks the admin's policy under the
admin's URL. A nonce is drawn for every page, and the site's `<script>` tags carry it.

`csp_report` receives the browsers' violation reports: bounded body, a few per client address
per minute, written to the `congdoan.csp` log.
"""

import json
import logging

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from congdoan.core.client_ip import client_ip

logger = logging.getLogger("congdoan.csp")

REPORT_FIELDS = (
    "document-uri",
    "blocked-uri",
    "violated-directive",
    "effective-directive",
    "source-file",
    "line-number",
)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's own policy under `/admin/`.

    Every response names a nonce, drawn before the view runs, whether or not its template used
    it: the policy then always reads `script-src 'self' 'nonce-…'`, never a bare `'self'`.
    """

    def process_request(self, request):
        super().process_request(request)
        str(request.csp_nonce)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    @staticmethod
    def is_admin(request) -> bool:
        return request.path_info.startswith(reverse("wagtailadmin_home"))


def within_report_rate(request) -> bool:
    """At most CSP_REPORTS_PER_MINUTE reports per client address per minute (atomic counter)."""
    key = f"csp-report:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count <= settings.CSP_REPORTS_PER_MINUTE


def read_bounded_body(request) -> bytes | None:
    """The request body when it is at most CSP_REPORT_MAX_BYTES, else None (never read whole)."""
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if declared > limit:
        return None
    body = request.read(limit + 1)
    return body if len(body) <= limit else None


def report_summary(payload) -> dict | None:
    """The fields worth logging, from the `report-uri` ({"csp-report": {...}}) or Reporting API
    ([{"type": "csp-violation", "body": {...}}]) format; None when it is neither."""
    if isinstance(payload, list) and payload and isinstance(payload[0], dict):
        payload = payload[0].get("body")
        if isinstance(payload, dict):
            payload = {key.replace("URL", "-uri").lower(): value for key, value in payload.items()}
            payload = {"csp-report": payload}
    if not isinstance(payload, dict) or not isinstance(payload.get("csp-report"), dict):
        return None
    report = payload["csp-report"]
    return {field: str(report.get(field, ""))[:300] for field in REPORT_FIELDS if field in report}


@csrf_exempt
@require_POST
def csp_report(request):
    """Log one violation report. 204 when logged, 400 for a malformed or oversized one, 429 when
    the address sent too many."""
    if not within_report_rate(request):
        return HttpResponse(status=429)
    body = read_bounded_body(request)
    if body is None:
        return HttpResponse(status=413)
    try:
        summary = report_summary(json.loads(body))
    except (ValueError, UnicodeDecodeError):
        summary = None
    if summary is None:
        return HttpResponse(status=400)
    logger.warning("CSP violation: %s", json.dumps(summary, ensure_ascii=False))
    return HttpResponse(status=204)
