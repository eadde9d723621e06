from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import MenuEntry, PortalContributions

# How a document's page names itself to the visitor beacon ("legal.document:<pk>").
VIEW_COUNTER_KIND = "legal.document"


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
        if apps.is_installed("congdoan.visitors"):
            # Views are counted by the visitor counter's beacon, never by rendering the page.
            from congdoan.visitors import counted_items

            from .models import LegalDocument

            counted_items.register(VIEW_COUNTER_KIND, LegalDocument, "view_count")
