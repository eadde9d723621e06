from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import Placed, PortalContributions


class PollsConfig(AppConfig):
    """*Thăm dò ý kiến*: polls, one vote per reader (keyed hashes, no raw address), a side
    block with the current poll and results with accessible bars."""

    name = "congdoan.polls"
    label = "polls"
    verbose_name = _("Polls")
    portal = PortalContributions(
        stylesheets=("polls/polls.css",),
        sidebar_templates=(Placed("polls/sidebar.html", order=150),),
        demo_loader="congdoan.polls.demo.load",
        # Polls open and close by the clock: cached pages must follow within a minute.
        scheduled_commands=(
            {"name": "poll_pages", "command": "refresh_poll_pages", "args": [], "every": 60},
        ),
    )

    def ready(self):
        from congdoan.core import content_version

        from .models import Poll, PollChoice

        # The side block shows polls and their choices; votes change no cached page.
        content_version.watch(Poll, PollChoice)
