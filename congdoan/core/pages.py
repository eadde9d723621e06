"""The page layer every page type of the portal builds on: `BasePage`."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.http import Http404
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page

from congdoan.core.text import fold, vietnamese_slugify
from congdoan.core.view_restrictions import restrictions_for


def _vietnamese_slug_formatters() -> list[tuple[str, str]]:
    """Regex replacements the admin's slug script runs first: `ộ` -> `o`, `đ` -> `d`.

    Without them Wagtail's script drops Vietnamese vowels (`nghị` -> `ngh`) and turns `đ`
    into the Serbian `dj`.
    """
    letters = defaultdict(str)
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            letters[base] += char
    return [
        ("[\u0300-\u036f]", ""),  # combining marks (text typed with the Windows keyboard)
        *((f"[{chars}]", base) for base, chars in sorted(letters.items())),
    ]


VIETNAMESE_SLUG_FORMATTERS = _vietnamese_slug_formatters()


class VietnameseSlugPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].widget = SlugInput(formatters=VIETNAMESE_SLUG_FORMATTERS)


class VietnameseSlugMixin:
    """Keeps slugs ASCII-folded Vietnamese (`đ` -> `d`) whatever the admin's JS produced."""

    base_form_class = VietnameseSlugPageForm

    def full_clean(self, *args, **kwargs):
        source = self.slug or self.title
        if source:
            self.slug = vietnamese_slugify(source)
        super().full_clean(*args, **kwargs)


class BasePage(VietnameseSlugMixin, Page):
    """The abstract page every portal page type derives from.

    - Slugs: folded Vietnamese (`Đại hội` -> `dai-hoi`), in the admin's script and on save.
    - SEO: Wagtail's `seo_title` and `search_description` (Promote tab); `meta_description()`
      is what `core/includes/seo_meta.html` prints, and a page type with a better text (an
      article's sapo) overrides it.
    - Listings: `paginate()` / `listing_context()` give one page of items for `?page=N`.
    - Serving in few queries: `route_in_one_query()` (called by the home page) finds the page of
      a URL from its `url_path` instead of one lookup per level, `serving_queryset()` lets a
      page type load what its template needs with it, and `breadcrumb_ancestors()` and
      `get_parent()` reuse the pages routing found.
    """

    class Meta:
        abstract = True

    # The page's language, for `<html lang>`: a page type written in another language (the
    # English pages at /en/) sets its own code and renders its interface strings in it.
    page_language = "vi"

    def route_in_one_query(self, request, path_components):
        """Wagtail's `route()` from this page, the pages of the path read in one query.

        Wagtail looks up each level's child by slug and then its specific page: two queries a
        level. The URL's prefixes are the `url_path`s of the pages along it, so one query finds
        them all; the deepest page, loaded as its own type, routes what remains (a sub-page
        route such as `in/`, or a 404). A child page whose slug equals a parent's sub-page route
        is served rather than shadowed by the route.
        """
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        found = Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).only(
            "id", "path", "depth", "url_path", "title", "slug", "content_type_id", "live"
        )
        by_url_path = {page.url_path: page for page in found}
        chain = []
        for depth, prefix in enumerate(prefixes, start=self.depth + 1):
            page = by_url_path.get(prefix)
            if page is None or page.depth != depth:
                break
            chain.append(page)
        if not chain:
            raise Http404
        deepest = chain[-1]
        model = deepest.specific_class
        if model is None:
            raise Http404
        queryset = model.objects.filter(pk=deepest.pk)
        if hasattr(model, "serving_queryset"):
            queryset = model.serving_queryset(queryset)
        page = queryset.first()
        if page is None:
            raise Http404
        ancestors = [self, *chain[:-1]]
        page._cached_parent_obj = ancestors[-1]
        page._routed_ancestors = ancestors
        return page.route(request, path_components[len(chain) :])

    @classmethod
    def serving_queryset(cls, queryset):
        """The queryset a served page of this type is read with; add what its template uses."""
        return queryset

    def breadcrumb_ancestors(self) -> list:
        """The ancestors below the tree root, from routing when the page was served."""
        ancestors = getattr(self, "_routed_ancestors", None)
        if ancestors is None:
            ancestors = list(self.get_ancestors().filter(depth__gt=1))
            self._routed_ancestors = ancestors
        return ancestors

    def get_view_restrictions(self):
        """The privacy check before serving, from the restrictions read once per request."""
        if self.alias_of_id:
            return super().get_view_restrictions()  # Wagtail resolves the alias's source
        return restrictions_for(self)

    def meta_description(self) -> str:
        return self.search_description

    @staticmethod
    def paginate(request, items, per_page: int):
        """The page of `items` that `?page=N` asks for.

        `Paginator.get_page()` turns a missing or non-numeric number into the first page and
        one past the end into the last, so hostile query strings never raise.
        """
        return Paginator(items, per_page).get_page(request.GET.get("page"))

    def listing_context(self, request, items, per_page: int, name: str) -> dict:
        """`page_obj` for core/includes/pagination.html, and the page's items under `name`."""
        page_obj = self.paginate(request, items, per_page)
        return {"page_obj": page_obj, name: page_obj.object_list}
