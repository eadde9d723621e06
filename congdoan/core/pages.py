from congdoan.core.text import vietnamese_slugify


class VietnameseSlugMixin:
    """Keeps slugs ASCII-folded Vietnamese (`đ` -> `d`) whatever the admin's JS produced."""

    def full_clean(self, *args, **kwargs):
        source = self.slug or self.title
        if source:
            self.slug = vietnamese_slugify(source)
        super().full_clean(*args, **kwargs)
