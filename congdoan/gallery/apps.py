from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class GalleryConfig(AppConfig):
    name = "congdoan.gallery"
    label = "gallery"
    verbose_name = _("Photos and videos")
    portal = PortalContributions(
        # Linked once in <head> for the whole site: the sidebar shows albums on every page.
        stylesheets=("gallery/gallery.css",),
        sidebar_templates=("gallery/latest_albums.html", "gallery/latest_videos.html"),
        home_templates=("gallery/includes/home_albums.html", "gallery/includes/home_videos.html"),
        article_body_blocks=(
            ("video", "congdoan.gallery.blocks.VideoEmbedBlock"),
            ("gallery", "congdoan.gallery.blocks.GalleryBlock"),
        ),
        demo_loader="congdoan.gallery.demo.load",
    )
