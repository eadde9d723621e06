"""Visitor statistics: only keyed hashes of visitors are stored, never an IP or a raw id."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


def default_initial_total() -> int:
    return settings.VISITORS_TOTAL_START


@register_setting(icon="view")
class VisitorCounterSettings(BaseGenericSetting):
    """The number the total starts from: a site moving from an old portal keeps its count."""

    initial_total = models.PositiveBigIntegerField(
        _("initial number of visits"),
        default=default_initial_total,
        help_text=_("Added to the visits counted by this portal, e.g. the old portal's total."),
    )

    panels = [FieldPanel("initial_total")]

    class Meta:
        verbose_name = _("visit counter")


class DailySalt(models.Model):
    """The random salt of one day's visitor hashes; deleted once the day is over."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self):
        return self.day.isoformat()


class VisitorPresence(models.Model):
    """A visitor's last hit (database backend): the online and visit windows.

    `address` (a keyed hash of the IP address) and `first_seen` count the new visitors each
    address created in the address window.
    """

    visitor = models.CharField(max_length=64, unique=True)
    last_seen = models.DateTimeField(db_index=True)
    address = models.CharField(max_length=64, blank=True)
    first_seen = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["address", "first_seen"], name="visitors_new_by_address"),
        ]

    def __str__(self):
        return self.visitor


class ArticleReaderPresence(models.Model):
    """A visitor's last hit on one page (database backend): the per-article view window."""

    page_id = models.IntegerField()
    visitor = models.CharField(max_length=64)
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page_id", "visitor"], name="visitors_reader_unique")
        ]

    def __str__(self):
        return f"{self.page_id}:{self.visitor}"


class ItemReaderPresence(models.Model):
    """A visitor's last hit on a counted item that is not a page (database backend)."""

    item = models.CharField(max_length=64)
    visitor = models.CharField(max_length=64)
    last_seen = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["item", "visitor"], name="visitors_item_reader_unique")
        ]

    def __str__(self):
        return f"{self.item}:{self.visitor}"


class DailyStats(models.Model):
    """Visits and page views of one day (Vietnam time)."""

    day = models.DateField(_("day"), unique=True)
    visits = models.PositiveBigIntegerField(_("visits"), default=0)
    page_views = models.PositiveBigIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("daily statistics")
        verbose_name_plural = _("daily statistics")
        ordering = ["-day"]

    def __str__(self):
        return self.day.isoformat()


class PageViewsHourly(models.Model):
    """Views of one page in one hour, so "last 24 hours" is exact; pruned after some days."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(db_index=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "hour"], name="visitors_page_hour_unique")
        ]

    def __str__(self):
        return f"{self.page_id} {self.hour:%Y-%m-%d %H}h"
