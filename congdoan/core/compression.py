"""Gzip for the pages and feeds Django renders (static files come pre-compressed by WhiteNoise).

Why compressing HTML is acceptable here (BREACH): the attack needs a secret in a compressed
response that also reflects attacker-chosen text, and many requests measuring its size. The
portal's only secret in pages is the CSRF token, which Django masks with a new random value in
every response, and Django's GZipMiddleware pads every gzip stream with 0 to 100 random bytes
("Heal The Breach"), which blurs the length an attacker would measure.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/css",
        "text/javascript",
        "text/xml",
        "application/javascript",
        "application/json",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "image/svg+xml",
    }
)


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware limited to text responses served whole.

    Photos, videos and documents are compressed already (gzip would cost CPU for nothing), and
    a partial response (a video seek) must keep its byte ranges as they are."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if content_type not in COMPRESSIBLE_TYPES or response.has_header("Content-Range"):
            return response
        return super().process_response(request, response)
