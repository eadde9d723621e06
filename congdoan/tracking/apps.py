from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class TrackingConfig(AppConfig):
    name = "congdoan.tracking"
    label = "tracking"
    verbose_name = _("Action-program tracking")
    portal = PortalContributions()
