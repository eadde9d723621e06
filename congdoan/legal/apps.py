from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import MenuEntry, PortalContributions


class LegalConfig(AppConfig):
    name = "congdoan.legal"
    label = "legal"
    verbose_name = _("Legal documents")
    portal = PortalContributions(
        sidebar_templates=("legal/latest_documents.html",),
        menu_entries=(MenuEntry(_("Legal documents"), "legal:list"),),
        rich_text_filters=("congdoan.legal.linking.link_codes",),
        demo_loader="congdoan.legal.demo.load",
    )

    def ready(self):
        from . import signals

        signals.connect()
