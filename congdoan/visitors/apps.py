from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import Placed, PortalContributions


class VisitorsConfig(AppConfig):
    name = "congdoan.visitors"
    label = "visitors"
    verbose_name = _("Visitor statistics")
    portal = PortalContributions(
        # "Most read" first and the counter last, around the other apps' widgets.
        sidebar_templates=(
            Placed("visitors/most_read.html", order=10),
            Placed("visitors/widget.html", order=1000),
        ),
        body_end_templates=("visitors/beacon.html",),
        demo_loader="congdoan.visitors.demo.load",
    )

    def ready(self):
        from congdoan.core import content_version

        from .models import VisitorCounterSettings

        # The initial total is printed in the counter widget of every cached page.
        content_version.watch(VisitorCounterSettings)
