from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.components import Component

from congdoan.core.dates import format_date_vn

from . import stats

CHART_DAYS = 30
CHART_WIDTH = 600
CHART_HEIGHT = 160
BAR_GAP = 2


def chart_bars(series: list[dict]) -> list[dict]:
    """Geometry of the inline SVG: per day, a page-views bar with the visits bar in front."""
    peak = max([1, *(max(day["visits"], day["page_views"]) for day in series)])
    slot = CHART_WIDTH / len(series)
    bars = []
    for index, day in enumerate(series):
        x = index * slot + BAR_GAP / 2
        views_height = CHART_HEIGHT * day["page_views"] / peak
        visits_height = CHART_HEIGHT * day["visits"] / peak
        bars.append(
            {
                **day,
                "label": format_date_vn(day["day"]),
                "x": round(x, 2),
                "width": round(slot - BAR_GAP, 2),
                "views_y": round(CHART_HEIGHT - views_height, 2),
                "views_height": round(views_height, 2),
                "visits_y": round(CHART_HEIGHT - visits_height, 2),
                "visits_height": round(visits_height, 2),
            }
        )
    return bars


class VisitorStatsPanel(Component):
    name = "visitor_stats"
    order = 150
    template_name = "visitors/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        series = stats.daily_series(CHART_DAYS)
        numbers = stats.counts()
        return {
            "online": numbers["online"],
            "total": numbers["total"],
            "today": series[-1],
            "bars": chart_bars(series),
            "peak": max([0, *(day["page_views"] for day in series)]),
            "chart_width": CHART_WIDTH,
            "chart_height": CHART_HEIGHT,
            "month_visits": sum(day["visits"] for day in series),
            "month_page_views": sum(day["page_views"] for day in series),
            "top_day": stats.top_pages(24, limit=10),
            "top_week": stats.top_pages(24 * 7, limit=10),
        }


@hooks.register("construct_homepage_panels")
def add_visitor_stats_panel(request, panels):
    if settings.VISITORS_ENABLED:
        panels.append(VisitorStatsPanel())
