from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# How a document's page names itself to the visitor beacon ("legal.document:<pk>").
VIEW_COUNTER_KIND = "legal.document"


class LegalConfig(AppConfig):
    name = "congdoan.legal"
    label = "legal"
    verbose_name = _("Legal documents")

    def ready(self):
        from congdoan.visitors import counted_items

        from . import signals
        from .models import LegalDocument

        signals.connect()
        counted_items.register(VIEW_COUNTER_KIND, LegalDocument, "view_count")
