from collections import defaultdict

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput

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
