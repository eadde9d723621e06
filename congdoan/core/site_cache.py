"""Site-wide data every page shows (site settings with the logo, the main menu), read from the
database once per content generation instead of on every render.

A full-page cache miss still renders the header, and without this each render would read the
settings, the logo's renditions, the site's root page and the menu pages again: the same rows for
every page until an editor changes something. The entries are keyed by the content generation
(`congdoan.core.content_version`), which every change to pages, view restrictions, sites, site
settings and images bumps, so a change shows on the next render and old entries just expire.

Like the side blocks' fragment caches (`{% page_cache_fragment %}`) this is on only with the page
cache (`PAGE_CACHE_ENABLED`): with it off (development, most tests) every render reads the
database and shows what was just saved, transaction committed or not.
"""

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache

from congdoan.core import content_version

Value = TypeVar("Value")

KEY_PREFIX = "site-data"


def cached(name: str, compute: Callable[[], Value]) -> Value:
    """`compute()` once per content generation for `name` (a string naming what and for which
    site); every call computes when the page cache is off. `compute` must not return None."""
    if not settings.PAGE_CACHE_ENABLED:
        return compute()
    key = f"{KEY_PREFIX}:{content_version.current()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def forget(name: str) -> None:
    """Drop `name` now, in the current generation, for the writer's own next read.

    The generation is bumped only once the transaction commits; until then the saving request
    (and a test without a real commit) would still read the entry it replaced.
    """
    cache.delete(f"{KEY_PREFIX}:{content_version.current()}:{name}")
