from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class TrackingConfig(AppConfig):
    name = "congdoan.tracking"
    label = "tracking"
    verbose_name = _("Action-program tracking")
    portal = PortalContributions(
        demo_loader="congdoan.tracking.demo.load",
        # Deadline reminders; each goes out once however often this runs (ReminderSent).
        scheduled_commands=(
            {
                "name": "tracking_reminders",
                "command": "send_tracking_reminders",
                "args": [],
                "every": 86400,
            },
        ),
    )

    def ready(self):
        from congdoan.core import content_version
        from congdoan.core.demo import add_demo_accounts

        from .demo import DEMO_ACCOUNTS
        from .models import Program, ProgressReport, Task, Unit

        # The public program pages show these.
        content_version.watch(Program, Task, ProgressReport, Unit)
        add_demo_accounts(*DEMO_ACCOUNTS)
