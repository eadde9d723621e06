"""Render pages anew when a poll opens or closes on its own (`opens_at`/`closes_at` passing).

Saving a poll already invalidates cached pages (`content_version.watch` in apps.py), but the
clock changes a poll's state without any save: without this, cached pages would keep offering
the vote form of a closed poll, or miss a poll that has just opened. The scheduler runs this
every minute; each run looks back to the previous one, so a scheduler that was down catches up.
"""

from datetime import timedelta

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.utils import timezone

from congdoan.core import content_version
from congdoan.polls.models import Poll

CHECKED_AT_KEY = "polls:state-checked-at"
# How far back the first run (or one after the cache was cleared) looks.
FIRST_LOOK_BACK = timedelta(hours=1)


class Command(BaseCommand):
    help = "Invalidate cached pages when a poll has opened or closed since the last run."

    def handle(self, *args, **options):
        now = timezone.now()
        since = cache.get(CHECKED_AT_KEY) or now - FIRST_LOOK_BACK
        changed = Poll.objects.opening_or_closing_between(since, now).exists()
        if changed:
            content_version.bump()
        cache.set(CHECKED_AT_KEY, now, timeout=None)
        # Run every minute by the scheduler: silent unless something happened (or -v 2).
        if changed:
            self.stdout.write("pages refreshed")
        elif options["verbosity"] > 1:
            self.stdout.write("no poll opened or closed")
