"""Full-page cache for anonymous readers, and the purge of the frontend caches in front of it.

`PageCacheMiddleware` keeps the rendered HTML of public pages in Django's cache (the file cache
of the embedded default, Redis with `REDIS_URL`) under the content generation
(`congdoan.core.content_version`), so the first anonymous reader after a change renders the page
and the next ones get the stored bytes. Each response says what happened in `X-Page-Cache`:
`hit` (served from the cache), `miss` (rendered and stored) or `bypass` (rendered, not stored).

Why our own middleware and not wagtail-cache: its last release (3.0) requires Wagtail < 8, and it
clears the whole cache on every publish instead of keying entries by a generation; Django's
`cache_page`/`UpdateCacheMiddleware` cache any GET they see, while here caching is opt-in per view
and refused for everything a reader must not share.

Only opted-in views are stored: Wagtail pages (marked by core's `before_serve_page` hook) and
views decorated with `@cache_public_page` (feeds, sitemap, document library). Nothing is stored or
served from the cache when:
- caching is off (`PAGE_CACHE_ENABLED`), the method is not GET/HEAD, the request carries an
  `Authorization` header, a signed-in user or a flash message to show (previews and "view
  draft" are admin views for signed-in users: never opted in, never served from the cache);
- the query string has anything but a page number (`?page=N`, `?p=N`) once the tracking
  parameters that social networks append (`fbclid`, `utm_*`, Zalo's `zarsrc`…) are dropped from
  the key: search and filters vary without bound, so caching them would only fill the cache;
- the response is not a 200, streams, sets a cookie, used a CSRF token (forms such as
  *Gửi bài viết*), is `private`/`no-store`/`no-cache` (Wagtail marks pages with view
  restrictions so: a private page is never stored, Wagtail issue #5074) or is larger than
  `PAGE_CACHE_MAX_BYTES`.

Stored responses get `Cache-Control: public, max-age=0, s-maxage=…, stale-while-revalidate=…`:
browsers always revalidate, nginx's microcache and a CDN keep them `PAGE_CACHE_S_MAXAGE` seconds.
Responses of cacheable views for signed-in users get `private, no-store` so that no shared cache
ever keeps an editor's page.
"""

import functools
import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from congdoan.core import content_version

CACHE_HEADER = "X-Page-Cache"
# Query parameters that never change the page: added by social networks, ads and newsletters.
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "zarsrc", "_ga", "ref"})
TRACKING_PREFIXES = ("utm_",)
# The only query parameters cached pages vary on (a page number: listings use `page`, Django's
# sitemap `p`), and how long its value may be.
PAGE_NUMBER_PARAMETERS = frozenset({"page", "p"})
PAGE_NUMBER_MAX_DIGITS = 6
# Response headers recomputed for each request rather than stored.
HEADERS_NOT_STORED = frozenset({"set-cookie", CACHE_HEADER.lower()})
# Attribute set on the request by the views that may be cached.
OPT_IN_ATTRIBUTE = "page_cache_allowed"


def cache_public_page(view):
    """Let the page cache store this view's responses (when they are public and anonymous)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        setattr(request, OPT_IN_ATTRIBUTE, True)
        return view(request, *args, **kwargs)

    return wrapped


def allow_page_caching(page, request, serve_args, serve_kwargs):
    """Wagtail `before_serve_page` hook: every Wagtail page is a candidate for the cache.

    Whether it is really stored is decided on the response: Wagtail marks restricted pages and
    their password and login forms `private, no-cache`, which `response_is_cacheable` refuses.
    """
    setattr(request, OPT_IN_ATTRIBUTE, True)


def _is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def cache_query(request) -> str | None:
    """The part of the query string a cached page varies on, or None when it must not be cached."""
    kept = []
    for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        if _is_tracking(name):
            continue
        if name not in PAGE_NUMBER_PARAMETERS or kept:
            return None
        if not (value.isascii() and value.isdigit() and len(value) <= PAGE_NUMBER_MAX_DIGITS):
            return None
        kept.append((name, value))
    return urlencode(kept)


def _is_signed_in(request) -> bool:
    # No session cookie means no user: the session is not even loaded.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def request_may_use_cache(request) -> bool:
    """Whether this request may be answered from the cache, and its response stored."""
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and CookieStorage.cookie_name not in request.COOKIES
        and not _is_signed_in(request)
        and cache_query(request) is not None
    )


def _cache_control_forbids_sharing(response) -> bool:
    directives = response.get("Cache-Control", "").lower()
    return any(word in directives for word in ("private", "no-store", "no-cache"))


def response_is_cacheable(request, response) -> bool:
    """Whether a response rendered for an anonymous GET may be shared with other readers."""
    return (
        getattr(request, OPT_IN_ATTRIBUTE, False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        # Set by django.middleware.csrf.get_token(): the page holds a CSRF token (a form).
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not _cache_control_forbids_sharing(response)
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
    )


def cache_key(request, generation: int) -> str:
    """Key of a page: scheme, host, path and page number, under one content generation."""
    address = f"{request.scheme}://{request.get_host()}{request.path}?{cache_query(request)}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page-cache:{generation}:{digest}"


def public_cache_control(response) -> None:
    """Let shared caches (nginx, a CDN) keep the page; browsers revalidate every time.

    `Vary: Cookie` is stored with the page: a hit never touches the session, so Django would not
    add it, and a shared cache must not answer a signed-in editor with the anonymous page.
    """
    patch_vary_headers(response, ("Cookie",))
    if "Cache-Control" in response:
        return
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.PAGE_CACHE_S_MAXAGE,
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )


def _stored(response) -> tuple[int, list[tuple[str, str]], bytes]:
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in HEADERS_NOT_STORED
    ]
    return response.status_code, headers, response.content


def _restored(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


class PageCacheMiddleware:
    """Serve anonymous readers stored pages; store the public pages rendered for them.

    Sits after the authentication and message middlewares (it needs to know the user and see
    flash messages) and before Wagtail's redirects.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_may_use_cache(request):
            response = self.get_response(request)
            if getattr(request, OPT_IN_ATTRIBUTE, False) and _is_signed_in(request):
                add_never_cache_headers(response)
            response[CACHE_HEADER] = "bypass"
            return response

        key = cache_key(request, content_version.current())
        entry = cache.get(key)
        if entry is not None:
            response = _restored(entry)
            response[CACHE_HEADER] = "hit"
            return response

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            public_cache_control(response)
            cache.set(key, _stored(response), settings.PAGE_CACHE_SECONDS)
            response[CACHE_HEADER] = "miss"
        else:
            response[CACHE_HEADER] = "bypass"
        return response


def _full_url(url_path: str) -> str | None:
    """The public address of a page's `url_path` (also one it had before a move)."""
    from wagtail.models import Site

    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            return root.root_url.rstrip("/") + "/" + url_path[len(root.root_path) :]
    return None


def _page_urls(page) -> list[str]:
    """Every address a page answers on (`get_cached_paths()`: e.g. a section's feed)."""
    page_url = page.get_full_url()
    if page_url is None:
        return []
    return [page_url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def _listing_urls(page) -> set[str]:
    """The page's own addresses and those of its ancestors (home, sections) listing it."""
    urls = set(_page_urls(page))
    for ancestor in page.get_ancestors().filter(depth__gt=1).live():
        urls.update(_page_urls(ancestor))
    return urls


def _purge_after_commit(urls: set[str]) -> None:
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = sorted(url for url in urls if url)
    if urls:
        transaction.on_commit(lambda: purge_urls_from_cache(urls))


def frontend_caches_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_page(instance, **kwargs) -> None:
    """Ask nginx and the CDN (Wagtail's frontend cache) to drop a changed page and its lists."""
    if not frontend_caches_configured() or kwargs.get("raw"):
        return
    urls = _listing_urls(instance)
    if url_path_before := kwargs.get("url_path_before"):
        urls.add(_full_url(url_path_before))
    _purge_after_commit(urls)


def connect_signals() -> None:
    """Purge the frontend caches on every page event (the local cache follows the generation).

    Other content (a feature's own models, settings) reaches nginx within its 1 s microcache
    and a CDN within `PAGE_CACHE_S_MAXAGE`.
    """
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_page, dispatch_uid="page-cache-purge-published")
    page_unpublished.connect(purge_page, dispatch_uid="page-cache-purge-unpublished")
    post_page_move.connect(purge_page, dispatch_uid="page-cache-purge-moved")
    post_delete.connect(purge_page, sender=Page, dispatch_uid="page-cache-purge-deleted")
