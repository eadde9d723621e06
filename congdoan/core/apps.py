from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "congdoan.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from congdoan.core.images import connect_signals

        connect_signals()
