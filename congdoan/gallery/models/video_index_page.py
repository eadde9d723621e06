from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from congdoan.core.pages import BasePage

VIDEOS_PER_PAGE = 12


class VideoIndexPage(BasePage):
    """Video: every video, newest first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["gallery.VideoPage"]
    template = "gallery/video_index_page.html"

    class Meta:
        verbose_name = _("video index")

    def videos(self):
        from .video_page import VideoPage

        return VideoPage.objects.live().public().child_of(self).listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, self.videos(), VIDEOS_PER_PAGE, "videos"))
        return context
