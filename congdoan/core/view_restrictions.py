"""Page view restrictions (private and password-protected sections) read once per request.

Wagtail reads every `PageViewRestriction` again for each `.public()` queryset (its
`PageQuerySet.private_q`) and two more queries for the privacy check before a page is served
(`Page.get_view_restrictions`: the ancestors, then their restrictions). A page with a menu,
listings and sidebar blocks asked the same question about ten times. Here the list is read once
per request (`core.request_memo`) and both questions are answered from it.

Saving or deleting a restriction forgets the list, so an admin request that changes privacy
sees the change at once.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from congdoan.core.request_memo import forget, remember

MEMO_KEY = "page-view-restrictions"


def all_view_restrictions() -> list[PageViewRestriction]:
    """Every restriction with its page's tree position, once per request."""
    return remember(
        MEMO_KEY,
        lambda: list(
            PageViewRestriction.objects.select_related("page").only(
                "id", "restriction_type", "password", "page__id", "page__path", "page__depth"
            )
        ),
    )


def private_q(queryset: PageQuerySet) -> Q:
    """Wagtail's `PageQuerySet.private_q`, with the restrictions read once per request."""
    q = Q()
    for restriction in all_view_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    # Match no page when no private section exists.
    return q if q else Q(pk__in=[])


def restrictions_for(page) -> list[PageViewRestriction]:
    """The restrictions on `page` and its ancestors (aliases are handled by Wagtail itself)."""
    return [
        restriction
        for restriction in all_view_restrictions()
        if page.path.startswith(restriction.page.path)
    ]


def _forget_restrictions(**kwargs) -> None:
    forget(MEMO_KEY)


def install() -> None:
    """Read restrictions from the per-request list in every page queryset.

    `private_q` is the one method behind `.public()`, `.private()` and `.not_public()` on every
    page queryset, Wagtail's own managers included; replacing it on the class is the only way
    to reach querysets of `Page` itself (menus, `get_children()`), whose manager the project
    cannot choose.
    """
    PageQuerySet.private_q = private_q
    post_save.connect(_forget_restrictions, sender=PageViewRestriction, dispatch_uid=MEMO_KEY)
    post_delete.connect(_forget_restrictions, sender=PageViewRestriction, dispatch_uid=MEMO_KEY)
