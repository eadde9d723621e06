from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class ContactConfig(AppConfig):
    name = "congdoan.contact"
    label = "contact"
    verbose_name = _("Contact")
    portal = PortalContributions(
        stylesheets=("contact/contact.css",),
        footer_templates=("contact/footer_hotlines.html",),
        demo_loader="congdoan.contact.demo.load",
    )

    def ready(self):
        from congdoan.core import content_version

        from .models import Hotline, HotlineSettings

        # The hotlines are in every page's footer.
        content_version.watch(HotlineSettings, Hotline)
