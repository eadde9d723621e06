from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from congdoan.core.blocks.article_body import article_body_block
from congdoan.core.images import rendition_prefetch, specs_for
from congdoan.core.pages import BasePage, VietnameseSlugPageForm


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticleQuerySet(PageQuerySet):
    def listing(self):
        """What a listing card needs, newest first, in a fixed number of queries."""
        renditions = get_image_model().get_rendition_model().objects
        return (
            self.select_related("cover_image")
            .prefetch_related(
                Prefetch(
                    "cover_image__renditions",
                    queryset=renditions.filter(filter_spec__in=specs_for("card")),
                    to_attr="prefetched_renditions",
                )
            )
            .order_by("-published_at", "-pk")
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticlePageForm(VietnameseSlugPageForm):
    """The article editor: what readers need blocks publishing, never saving a draft.

    Wagtail defers required fields when an editor saves a draft (the button or autosave) and
    sets `is_deferred_validation`; the checks below wait for "Xuất bản" or "Gửi duyệt", so a
    draft keeps a chosen cover image and the body while its alt text is still missing.
    Image blocks in the body (`CaptionedImageBlock`) defer their required alt text the same way.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        if cleaned_data.get("cover_image") and not cleaned_data.get("cover_alt", "").strip():
            self.add_error(
                "cover_alt",
                _(
                    "Alt text is required to publish or submit an article with a cover image "
                    "(a draft can be saved without it)."
                ),
            )
        return cleaned_data


class ArticlePage(RoutablePageMixin, BasePage):
    """A news article: title, sapo, cover image, body and the reader's tools."""

    sapo = models.TextField(_("sapo"), help_text=_("The lead paragraph, plain text."))
    published_at = models.DateTimeField(
        _("publish time"),
        default=timezone.now,
        db_index=True,
        help_text=_("Shown on the article as 10/11/2021 07:00 GMT+7."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt = models.CharField(
        _("cover alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it. Required with an image."),
    )
    cover_caption = models.CharField(_("cover caption"), max_length=500, blank=True)
    body = StreamField(article_body_block(), verbose_name=_("body"), blank=True)
    author = models.CharField(_("author (pen name)"), max_length=255, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    tags = ClusterTaggableManager(
        through=ArticlePageTag, blank=True, verbose_name=pgettext_lazy("article keywords", "tags")
    )
    # Parental: the choice lives in revisions, so drafts, previews and workflow keep it.
    related_articles = ParentalManyToManyField(
        "self", verbose_name=_("related articles"), blank=True, symmetrical=False
    )
    allow_print = models.BooleanField(_("allow printing (In bài)"), default=True)
    allow_send = models.BooleanField(_("allow sending by email (Gửi bài viết)"), default=True)
    external_id = models.CharField(
        _("import key"),
        max_length=255,
        blank=True,
        null=True,
        unique=True,
        editable=False,
        help_text=_("Identifier of the article in the portal it was imported from."),
    )

    objects = ArticleManager()
    base_form_class = ArticlePageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("sapo"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt"), FieldPanel("cover_caption")],
            heading=_("Cover image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("published_at"),
                FieldPanel("author"),
                FieldPanel("source"),
                FieldPanel("tags"),
            ],
            heading=_("Publishing"),
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("related_articles"),
        MultiFieldPanel(
            [FieldPanel("allow_print"), FieldPanel("allow_send")], heading=_("Reader tools")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("sapo", boost=2),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types = []
    template = "news/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at"]

    @path("in/", name="print")
    def print_view(self, request):
        from congdoan.news.views.article_tools import print_article

        return print_article(request, self)

    @path("gui/", name="send")
    def send_view(self, request):
        from congdoan.news.views.article_tools import send_article

        return send_article(request, self)

    def get_cached_paths(self):
        """What the frontend caches purge when the article changes: its print view too."""
        return ["/", self.reverse_subpage("print")]

    @classmethod
    def serving_queryset(cls, queryset):
        """The cover image and all its renditions (page width and share card) with the page."""
        return queryset.select_related("cover_image").prefetch_related(
            rendition_prefetch("cover_image__renditions")
        )

    @cached_property
    def tag_names(self) -> list[str]:
        """The tags' names, read once for the page and its JSON-LD keywords."""
        return [tag.name for tag in self.tags.all()]

    def meta_description(self) -> str:
        return self.search_description or self.sapo

    def section(self):
        return self.get_parent().specific

    def get_related_articles(self, limit: int = 5):
        """Chosen related articles, then the newest of the same section, then the newest sharing
        a tag: two queries when the section has enough articles, three otherwise.

        Separate bounded queries, not one OR of section and tags: ordering that OR reads every
        article of the site (0.3 s at 100,000 articles on PostgreSQL), each of these a few rows
        through an index.
        """
        newest_first = ("-published_at", "-pk")
        # values_list works on the database relation and on a preview's in-memory choice alike;
        # the database relation stays a subquery.
        chosen_ids = self.related_articles.all().values_list("id", flat=True)
        if not isinstance(chosen_ids, QuerySet):
            chosen_ids = list(chosen_ids)
        candidates = ArticlePage.objects.live().public().order_by(*newest_first)
        related = list(candidates.filter(pk__in=chosen_ids)[:limit])
        in_section = Q(path__startswith=self.path[: -self.steplen], depth=self.depth)
        own_tags = ArticlePageTag.objects.filter(content_object_id=self.pk).values("tag_id")
        sharing_a_tag = Q(
            pk__in=ArticlePageTag.objects.filter(tag_id__in=own_tags).values("content_object_id")
        )
        for kind in (in_section, sharing_a_tag):
            if len(related) >= limit:
                break
            shown = [self.pk, *(article.pk for article in related)]
            related += candidates.filter(kind).exclude(pk__in=shown)[: limit - len(related)]
        return related
