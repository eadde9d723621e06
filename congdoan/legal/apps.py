from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalConfig(AppConfig):
    name = "congdoan.legal"
    label = "legal"
    verbose_name = _("Legal documents")

    def ready(self):
        from . import signals

        signals.connect()
