from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from congdoan.core.pages import BasePage

ALBUMS_PER_PAGE = 12


class AlbumIndexPage(BasePage):
    """Ảnh hoạt động: every album, newest event first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["gallery.AlbumPage"]
    template = "gallery/album_index_page.html"

    class Meta:
        verbose_name = _("photo album index")

    def albums(self):
        from .album_page import AlbumPage

        return AlbumPage.objects.live().public().child_of(self).listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request, self.albums(), ALBUMS_PER_PAGE, "albums"))
        return context
