from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GalleryConfig(AppConfig):
    name = "congdoan.gallery"
    label = "gallery"
    verbose_name = _("Photos and videos")
