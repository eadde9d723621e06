from django.db import models
from django.db.models import Count
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from congdoan.core.images import rendition_prefetch
from congdoan.core.pages import BasePage


class AlbumQuerySet(PageQuerySet):
    def listing(self):
        """What an album card needs, newest event first, in a fixed number of queries."""
        return (
            self.select_related("cover_image")
            .prefetch_related(rendition_prefetch("cover_image__renditions"))
            .annotate(photo_count=Count("photos"))
            .order_by("-event_date", "-first_published_at", "-pk")
        )


AlbumManager = PageManager.from_queryset(AlbumQuerySet)


class AlbumPhoto(Orderable):
    """One photo of an album, in the editor's order."""

    page = ParentalKey("gallery.AlbumPage", related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describe the photo for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    photographer = models.CharField(_("photographer"), max_length=255, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("caption"),
        FieldPanel("photographer"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("album photo")
        verbose_name_plural = _("album photos")


class AlbumPage(RoutablePageMixin, BasePage):
    """An album of activity photos; each photo also has its own page for readers without JS."""

    event_date = models.DateField(_("event date"), default=timezone.localdate, db_index=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    description = models.TextField(_("description"), blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to use the first photo."),
    )

    objects = AlbumManager()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("event_date"),
                FieldPanel("location"),
                FieldPanel("description"),
                FieldPanel("cover_image"),
            ],
            heading=_("Album"),
        ),
        InlinePanel(
            "photos",
            label=_("Photos"),
            help_text=_(
                "Drag to reorder. To add many photos at once, save the album and use "
                "“Upload many photos” in the page menu."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.FilterField("event_date"),
    ]
    parent_page_types = ["gallery.AlbumIndexPage"]
    subpage_types = []
    template = "gallery/album_page.html"

    class Meta:
        verbose_name = _("photo album")
        verbose_name_plural = _("photo albums")

    def save(self, *args, **kwargs):
        if not self.cover_image_id:
            first = next(iter(self.photos.all()), None)
            if first is not None:
                self.cover_image_id = first.image_id
        super().save(*args, **kwargs)

    def photo_list(self):
        """The photos in order with their images and renditions: three queries, any length."""
        photos = self.photos.all()
        if isinstance(photos, models.QuerySet):
            photos = photos.select_related("image").prefetch_related(rendition_prefetch())
        return list(photos)

    @path("")
    def album(self, request):
        return self.render(request, context_overrides={"photos": self.photo_list()})

    @path("anh/<int:number>/")
    def photo(self, request, number):
        photos = self.photos.all()
        if isinstance(photos, models.QuerySet):
            total = photos.count()
            chosen = photos.select_related("image")[number - 1 : number] if number >= 1 else []
        else:
            total = len(photos)
            chosen = list(photos)[number - 1 : number] if number >= 1 else []
        if not 1 <= number <= total or not chosen:
            raise Http404
        return self.render(
            request,
            template="gallery/album_photo_page.html",
            context_overrides={
                "photo": chosen[0],
                "number": number,
                "total": total,
                "previous_number": number - 1 if number > 1 else None,
                "next_number": number + 1 if number < total else None,
            },
        )
