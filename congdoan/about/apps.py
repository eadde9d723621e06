from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class AboutConfig(AppConfig):
    name = "congdoan.about"
    label = "about"
    verbose_name = _("About the organization")
    portal = PortalContributions(
        stylesheets=("about/about.css",),
        header_templates=("about/language_link.html",),
        demo_loader="congdoan.about.demo.load",
    )

    def ready(self):
        from congdoan.core import content_version

        from .models import Department, Leader

        # Departments and leaders are shown on public pages (and departments on Liên hệ).
        content_version.watch(Department, Leader)
