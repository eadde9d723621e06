from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class CoreConfig(AppConfig):
    name = "congdoan.core"
    label = "core"
    verbose_name = _("Core")
    portal = PortalContributions(demo_loader="congdoan.core.demo.load")

    def ready(self):
        from congdoan.core.images import connect_signals

        connect_signals()
