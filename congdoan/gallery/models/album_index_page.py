from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from congdoan.core.pages import VietnameseSlugMixin

from .listing import paginate

ALBUMS_PER_PAGE = 12


class AlbumIndexPage(VietnameseSlugMixin, Page):
    """Ảnh hoạt động: every album, newest event first."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["news.HomePage"]
    subpage_types = ["gallery.AlbumPage"]
    template = "gallery/album_index_page.html"

    class Meta:
        verbose_name = _("photo album index")

    def albums(self):
        from .album_page import AlbumPage

        return AlbumPage.objects.live().public().child_of(self).listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, self.albums(), ALBUMS_PER_PAGE)
        context["page_obj"] = page_obj
        context["albums"] = page_obj.object_list
        return context
