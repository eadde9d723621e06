from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class NewsroomConfig(AppConfig):
    """The newsroom: the two-step approval workflow, its notifications, member submissions."""

    name = "congdoan.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")
    portal = PortalContributions(demo_loader="congdoan.newsroom.demo.load")

    def ready(self):
        from congdoan.newsroom import notifications, sections

        notifications.connect()
        sections.connect()
