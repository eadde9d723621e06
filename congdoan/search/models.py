from django.db import models
from django.utils.translation import gettext_lazy as _

# Longer queries are cut: the report is for reading, and a pasted paragraph must not grow rows.
MAX_STORED_QUERY_CHARS = 100


class SearchQueryStat(models.Model):
    """How often one query was searched on one day, for the editors' report of top searches.

    The query is stored folded (no marks, `đ` as `d`, lower case, single spaces), so `Công đoàn`,
    `cong doan` and `CÔNG  ĐOÀN` are one row. Nothing about the reader is kept: no address,
    session, account or browser, only the day, the words and the counts.
    """

    day = models.DateField(_("day"))
    query = models.CharField(_("query"), max_length=MAX_STORED_QUERY_CHARS)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    # Matches found by the latest search of the day (0: the search found nothing).
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("search query statistic")
        verbose_name_plural = _("search query statistics")
        constraints = [
            models.UniqueConstraint(fields=["day", "query"], name="search_query_stat_day_query")
        ]

    def __str__(self):
        return f"{self.day:%d/%m/%Y} {self.query}: {self.searches}"
