"""One number, the content generation, that changes whenever anything the public sees changes.

Every cached page and side-block fragment has the generation in its key (`congdoan.core.page_cache`
and `{% page_cache_fragment %}`), so one bump invalidates them all at once: the article itself and
every page that lists it (home, its sections and their parents, tag pages, RSS, sitemap, the side
blocks). Entries of older generations are never read again and simply expire.

Why one site-wide number instead of per-page keys: a published article shows up on a dozen pages
nobody can list exactly (each section above it, the home blocks, tag pages, feeds, "most read",
the sidebar of every other page). Publishing is rare next to reading, so re-rendering each page
once after a change is cheap, and it can never leave a stale list behind.

What bumps it:
- core listens to Wagtail's page events (publish, unpublish, move, delete, which also covers
  scheduled publishing: `publish_scheduled` publishes revisions, which sends `page_published`),
  view restrictions (a page made private must leave the cache at once), sites, site settings,
  images and documents;
- feature apps call `watch(Model)` from their `AppConfig.ready()` for their own non-page content
  (documents of a library, albums...), or send `core.signals.public_content_changed`.

The bump runs after the transaction commits: bumping earlier would let a concurrent request read
the new generation together with the old rows and cache the old content under the new key.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from congdoan.core.signals import public_content_changed

GENERATION_KEY = "content:generation"


def _fresh_generation() -> int:
    """A generation never used before, even after the cache lost the key (eviction, restart)."""
    return time.time_ns()


def current() -> int:
    """The generation now; created on first use."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _fresh_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _bump_now() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no key yet (or evicted): any fresh value invalidates the old entries
        cache.set(GENERATION_KEY, _fresh_generation(), timeout=None)


def bump() -> None:
    """Invalidate every cached page and fragment once the current transaction commits."""
    transaction.on_commit(_bump_now)


def _bump_receiver(**kwargs) -> None:
    if kwargs.get("raw"):  # fixtures being loaded
        return
    bump()


def _is_first_read_of_settings(instance, created: bool) -> bool:
    """Wagtail creates a settings row with its defaults when a page first reads it: that row
    shows nothing new, and bumping there would make the first page views after a start miss."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    return created and isinstance(instance, BaseSiteSetting | BaseGenericSetting)


def _saved_receiver(instance, created=False, **kwargs) -> None:
    if _is_first_read_of_settings(instance, created):
        return
    _bump_receiver(**kwargs)


def watch(*models) -> None:
    """Bump the generation whenever a row of these models is saved or deleted.

    For content shown on public pages that is not a page itself; call it from the owning app's
    `AppConfig.ready()`, e.g. `content_version.watch(LegalDocument, Issuer)`.
    """
    for model in models:
        uid = f"content-version-{model._meta.label_lower}"
        post_save.connect(_saved_receiver, sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(_bump_receiver, sender=model, dispatch_uid=f"{uid}-delete", weak=False)


def connect_signals() -> None:
    """Listen to the generic events: Wagtail's page events, what core owns, and any app's
    `public_content_changed`."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from congdoan.core.models import SiteSettings

    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(_bump_receiver, dispatch_uid=f"content-version-page-{name}")
    # Deleting any page type deletes its base Page row, so this one sender sees every deletion.
    post_delete.connect(_bump_receiver, sender=Page, dispatch_uid="content-version-page-deleted")
    watch(
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        SiteSettings,
        get_image_model(),
        get_document_model(),
    )
    public_content_changed.connect(_bump_receiver, dispatch_uid="content-version-changed")
