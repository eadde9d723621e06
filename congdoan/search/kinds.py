"""What the site search looks in: one entry per kind of content.

Models are resolved lazily by label; a kind whose app or model is not installed (or not
indexed) is silently left out, so a new kind only needs an `index.Indexed` model with a title
and the fields named here: its date field and the fields a snippet is taken from, in order.
Result rows never load `deferred_fields` (a legal document's extracted full text can be
megabytes; a page of results needs its title and summary only).
"""

from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelsearch.index import Indexed
from wagtail.models import Page

KIND_CONTENT_CACHE_SECONDS = 60


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    model_label: str
    date_field: str
    snippet_fields: tuple[str, ...]
    deferred_fields: tuple[str, ...] = ()
    # The database column read to compare titles across kinds (search.text.title_match).
    title_field: str = "title"
    # Breaks a tie of equal relevance: readers searching words want text to read before a
    # picture or a clip that merely names them (a trailer titled "Đại hội Công đoàn").
    priority: int = 0

    @property
    def model(self):
        try:
            model = apps.get_model(self.model_label)
        except (LookupError, ValueError):
            return None
        return model if issubclass(model, Indexed) else None

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)

    def date_is_datetime(self) -> bool:
        return isinstance(self.model._meta.get_field(self.date_field), models.DateTimeField)

    def queryset(self):
        """What readers may see: live, public pages; a model's own `search_queryset()`."""
        model = self.model
        if hasattr(model, "search_queryset"):
            return model.search_queryset()
        if self.is_page:
            return model.objects.live().public()
        return model._default_manager.all()

    def has_content(self) -> bool:
        """Whether readers could find anything of this kind at all, so a kind a site does not
        use (no albums yet, say) costs no full-text query. Cached for a minute: the search
        index itself is updated by a background task, so new content already takes a moment."""
        key = f"search-kind-has-content:{self.key}"
        found = cache.get(key)
        if found is None:
            found = self.queryset().exists()
            cache.set(key, found, KIND_CONTENT_CACHE_SECONDS)
        return found

    def title(self, obj) -> str:
        return getattr(obj, "title", None) or str(obj)

    def url(self, obj, request=None) -> str:
        if self.is_page:
            return obj.get_url(request) or ""
        return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""

    def date(self, obj):
        return getattr(obj, self.date_field, None)

    def in_bulk(self, pks):
        """The objects of one result page, without their deferred long fields."""
        return self.model._default_manager.defer(*self.deferred_fields).in_bulk(pks)

    def texts(self, obj):
        """Candidate snippet texts, most telling first, each read only when asked for."""
        for name in self.snippet_fields:
            yield plain_text(getattr(obj, name, ""))


def plain_text(value) -> str:
    """Readable text of a field value: strings, rich text, StreamField blocks."""
    if value is None:
        return ""
    if isinstance(value, str):
        return strip_tags(value)
    if hasattr(value, "source"):  # RichText
        return strip_tags(value.source)
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    if hasattr(value, "raw_data") or isinstance(value, (list, tuple)):
        return " ".join(plain_text(getattr(block, "value", block)) for block in value)
    return ""


SEARCH_KINDS = [
    SearchKind(
        key="article",
        label=_("Articles"),
        model_label="news.ArticlePage",
        date_field="published_at",
        snippet_fields=("sapo", "body"),
        priority=3,
    ),
    SearchKind(
        key="album",
        label=_("Photo albums"),
        model_label="gallery.AlbumPage",
        date_field="event_date",
        snippet_fields=("description",),
        priority=1,
    ),
    SearchKind(
        key="video",
        label=_("Videos"),
        model_label="gallery.VideoPage",
        date_field="date",
        snippet_fields=("description",),
    ),
    SearchKind(
        key="legal",
        label=_("Legal documents"),
        model_label="legal.LegalDocument",
        date_field="issued_on",
        snippet_fields=("summary",),
        title_field="code",
        deferred_fields=("extracted_text",),
        priority=2,
    ),
    SearchKind(
        key="question",
        label=_("Legal Q&A"),
        model_label="questions.LegalQuestion",
        date_field="published_at",
        snippet_fields=("public_question", "answer"),
        priority=2,
    ),
]


def available_kinds() -> list[SearchKind]:
    return [kind for kind in SEARCH_KINDS if kind.model is not None]
