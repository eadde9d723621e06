from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from congdoan.core.images import rendition_prefetch
from congdoan.core.pages import BasePage
from congdoan.gallery.validators import probe_duration, validate_video_file
from congdoan.gallery.video_sources import parse_external_video

RELATED_VIDEOS = 4


class VideoQuerySet(PageQuerySet):
    def listing(self):
        """What a video card needs, newest first, in a fixed number of queries."""
        return (
            self.select_related("poster")
            .prefetch_related(rendition_prefetch("poster__renditions"))
            .order_by("-date", "-first_published_at", "-pk")
        )


VideoManager = PageManager.from_queryset(VideoQuerySet)


class VideoPage(BasePage):
    """A video: an uploaded MP4/WebM file or a YouTube/Facebook link behind a facade."""

    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    description = models.TextField(_("description"), blank=True)
    video_file = models.FileField(
        _("video file"),
        upload_to="videos/%Y/%m/",
        blank=True,
        validators=[validate_video_file],
        help_text=_("MP4 (H.264) or WebM. Or give a YouTube/Facebook link below instead."),
    )
    external_url = models.URLField(
        _("YouTube or Facebook link"),
        blank=True,
        help_text=_("Readers load the video from there only when they click play."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before playing; needed for readers to see something before clicking."),
    )
    duration = models.PositiveIntegerField(
        _("duration (seconds)"),
        null=True,
        blank=True,
        help_text=_("Read from an uploaded file automatically when left empty."),
    )

    objects = VideoManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("external_url"),
                FieldPanel("poster"),
                FieldPanel("duration"),
            ],
            heading=_("Video"),
        ),
        FieldPanel("description"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.FilterField("date"),
    ]
    parent_page_types = ["gallery.VideoIndexPage"]
    subpage_types = []
    template = "gallery/video_page.html"

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")

    def clean(self):
        super().clean()
        has_file, has_url = bool(self.video_file), bool(self.external_url)
        if has_file == has_url:
            message = _("Upload a video file or give a YouTube/Facebook link, not both.")
            raise ValidationError({"video_file": message, "external_url": message})
        if has_url and parse_external_video(self.external_url) is None:
            raise ValidationError(
                {"external_url": _("This is not a YouTube or Facebook video link.")}
            )
        if has_file and self.duration is None and not getattr(self.video_file, "_committed", True):
            self.duration = probe_duration(self.video_file.file)

    @cached_property
    def external_video(self):
        return parse_external_video(self.external_url) if self.external_url else None

    @property
    def duration_display(self) -> str:
        if not self.duration:
            return ""
        hours, rest = divmod(self.duration, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"

    @property
    def duration_iso(self) -> str:
        return f"PT{self.duration}S" if self.duration else ""

    @property
    def mime_type(self) -> str:
        return "video/webm" if self.video_file.name.lower().endswith(".webm") else "video/mp4"

    def related_videos(self):
        return list(
            VideoPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .listing()[:RELATED_VIDEOS]
        )
