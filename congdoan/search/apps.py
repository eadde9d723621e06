from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class SearchConfig(AppConfig):
    name = "congdoan.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import dictionary  # noqa: F401 - connects the signal that reloads it

    portal = PortalContributions(
        stylesheets=("search/css/search.css",),
        scripts=("search/js/autocomplete.js",),
        # The editors' top searches keep 180 days (stats.KEEP_DAYS).
        scheduled_commands=(
            {
                "name": "prune_search_stats",
                "command": "prune_search_stats",
                "args": ["--verbosity=0"],
                "every": 86400,
            },
        ),
    )
