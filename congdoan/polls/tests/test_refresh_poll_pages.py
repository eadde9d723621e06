"""A poll that closes by the clock leaves no cached page offering its vote form."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from congdoan.core.scheduling import scheduled_commands
from congdoan.news.factories import SectionPageFactory
from congdoan.polls.factories import PollFactory
from congdoan.polls.management.commands.refresh_poll_pages import CHECKED_AT_KEY
from congdoan.polls.models import Poll

pytestmark = pytest.mark.django_db


def refresh(capture) -> str:
    output = StringIO()
    with capture(execute=True):
        call_command("refresh_poll_pages", stdout=output, verbosity=2)
    return output.getvalue().strip()


def test_pages_are_rendered_anew_once_the_clock_closes_a_poll(
    client, home_page, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.delete(CHECKED_AT_KEY)
    poll = PollFactory(question="Bạn có biết mức lương tối thiểu vùng hiện nay không?")
    section = SectionPageFactory(parent=home_page, title="Tin tức")
    # It opened yesterday and its save already invalidated the pages.
    assert refresh(django_capture_on_commit_callbacks) == "no poll opened or closed"
    assert client.get(section.url)["X-Page-Cache"] == "miss"
    assert f'action="{poll.get_vote_url()}"' in client.get(section.url).content.decode()

    # The closing time passes: no save, no signal, only the clock.
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now())
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    assert refresh(django_capture_on_commit_callbacks) == "pages refreshed"
    fresh = client.get(section.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert f'action="{poll.get_vote_url()}"' not in fresh.content.decode()

    assert refresh(django_capture_on_commit_callbacks) == "no poll opened or closed"
    assert client.get(section.url)["X-Page-Cache"] == "hit"


def test_a_run_that_changes_nothing_prints_nothing(home_page):
    output = StringIO()
    call_command("refresh_poll_pages", stdout=output)
    assert output.getvalue() == ""


def test_the_scheduler_runs_it_every_minute():
    commands = {command.name: command for command in scheduled_commands()}
    assert commands["poll_pages"].command == "refresh_poll_pages"
    assert commands["poll_pages"].every == timedelta(minutes=1)
