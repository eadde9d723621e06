"""The page layer every page type of the portal builds on: `BasePage`."""

from collections import defaultdict

from django.core.paginator import Paginator
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput
from wagtail.models import Page

from congdoan.core.text import fold, vietnamese_slugify


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
    """

    class Meta:
        abstract = True

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
