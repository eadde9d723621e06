"""Gửi bài viết tells the reader what happened, retries failed sends and shows them to admins."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import timezone
from django_tasks import task_backends

from congdoan.news.models import ArticleSendLog
from congdoan.news.tasks import retry_delay, send_article_email

from .test_send_article import VALID, post

pytestmark = pytest.mark.django_db

FAILING_BACKEND = f"{__name__}.UnreachableSmtpBackend"
FLAKY_BACKEND = f"{__name__}.FailsTwiceBackend"


class UnreachableSmtpBackend(BaseEmailBackend):
    """What make run had: no SMTP server listening."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class FailsTwiceBackend(LocmemBackend):
    failures_left = 2

    def send_messages(self, email_messages):
        if FailsTwiceBackend.failures_left:
            FailsTwiceBackend.failures_left -= 1
            raise TimeoutError("timed out")
        return super().send_messages(email_messages)


class QueuedMail:
    """The "Gửi bài viết" tasks a backend that only keeps them (like the database queue until a
    worker runs) has received."""

    def __init__(self, backend):
        self.backend = backend

    @property
    def results(self):
        return [
            result for result in self.backend.results if result.task.func is send_article_email.func
        ]


@pytest.fixture
def deferring_tasks(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    return QueuedMail(task_backends["default"])


def run(result):
    """Run a queued task as the worker would."""
    return result.task.func(*result.args, **result.kwargs)


def page_text(response):
    return response.content.decode()


def test_a_queued_email_is_announced_as_coming_not_as_sent(client, article, deferring_tasks):
    response = post(client, article)

    assert response.status_code == 200
    html = page_text(response)
    assert "Bài viết sẽ được gửi tới ban.lan@example.com trong ít phút." in html
    assert "đã được gửi" not in html
    assert mail.outbox == []
    log = ArticleSendLog.objects.get()
    assert (log.status, log.attempts) == (ArticleSendLog.Status.QUEUED, 0)
    [queued] = deferring_tasks.results
    assert queued.kwargs["log_id"] == log.pk

    assert run(queued) == ArticleSendLog.Status.SENT
    assert len(mail.outbox) == 1
    log.refresh_from_db()
    assert (log.status, log.attempts, log.last_error) == (ArticleSendLog.Status.SENT, 1, "")


def test_a_failed_send_is_retried_later_with_growing_delays(
    client, article, settings, deferring_tasks
):
    settings.EMAIL_BACKEND = FLAKY_BACKEND
    FailsTwiceBackend.failures_left = 2
    post(client, article)
    log = ArticleSendLog.objects.get()

    before = timezone.now()
    assert run(deferring_tasks.results[0]) == ArticleSendLog.Status.RETRYING
    first_retry = deferring_tasks.results[1]
    assert run(first_retry) == ArticleSendLog.Status.RETRYING
    second_retry = deferring_tasks.results[2]

    log.refresh_from_db()
    assert (log.status, log.attempts) == (ArticleSendLog.Status.RETRYING, 2)
    assert log.last_error == "TimeoutError: timed out"
    assert retry_delay(1) == timedelta(minutes=1)
    assert retry_delay(2) == timedelta(minutes=4)
    assert first_retry.task.run_after - before >= timedelta(minutes=1)
    assert second_retry.task.run_after - first_retry.task.run_after >= timedelta(minutes=3)
    assert mail.outbox == []

    assert run(second_retry) == ArticleSendLog.Status.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [VALID["recipient"]]
    log.refresh_from_db()
    assert (log.status, log.attempts) == (ArticleSendLog.Status.SENT, 3)
    assert len(deferring_tasks.results) == 3


def test_sending_gives_up_after_the_last_attempt(client, article, settings, deferring_tasks):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.SEND_ARTICLE_MAX_ATTEMPTS = 3
    post(client, article)

    # Each run enqueues the next attempt; run them as the worker would, one after another.
    statuses = [run(deferring_tasks.results[attempt]) for attempt in range(3)]

    assert statuses == ["retrying", "retrying", "failed"]
    assert len(deferring_tasks.results) == 3
    log = ArticleSendLog.objects.get()
    assert (log.status, log.attempts) == (ArticleSendLog.Status.FAILED, 3)
    assert log.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"


def test_reader_is_told_when_the_email_could_not_be_sent(client, article, settings):
    """With a backend that runs tasks at once, the outcome is known before the answer."""
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.SEND_ARTICLE_MAX_ATTEMPTS = 2

    response = post(client, article)

    html = page_text(response)
    assert "Chưa gửi được bài viết tới ban.lan@example.com. Vui lòng thử lại sau." in html
    assert "Bài viết đã được gửi" not in html
    assert "sẽ được gửi" not in html
    assert ArticleSendLog.objects.get().status == ArticleSendLog.Status.FAILED


def test_failed_sends_are_kept_after_the_hour_and_then_forgotten(client, article, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.SEND_ARTICLE_MAX_ATTEMPTS = 1
    post(client, article)
    failed = ArticleSendLog.objects.get()
    ArticleSendLog.objects.filter(pk=failed.pk).update(
        created_at=timezone.now() - timedelta(hours=2)
    )
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    post(client, article, recipient="khac@example.com")
    assert ArticleSendLog.objects.filter(pk=failed.pk).exists()

    ArticleSendLog.objects.filter(pk=failed.pk).update(
        created_at=timezone.now() - timedelta(days=31)
    )
    post(client, article, recipient="nguoi-thu-ba@example.com")
    assert not ArticleSendLog.objects.filter(pk=failed.pk).exists()


def test_admins_see_failed_sends_with_the_reason(client, article, settings):
    settings.EMAIL_BACKEND = FAILING_BACKEND
    settings.SEND_ARTICLE_MAX_ATTEMPTS = 1
    post(client, article)
    admin = get_user_model().objects.create_superuser("quantri", "qt@example.com", "x")
    client.force_login(admin)

    menu = page_text(client.get("/admin/"))
    listing = client.get("/admin/snippets/news/articlesendlog/?status=failed")

    # The sidebar menu is JSON, its labels escaped: look for the entry's address.
    assert "/admin/snippets/news/articlesendlog/" in menu
    assert listing.status_code == 200
    html = page_text(listing)
    assert article.title in html
    assert "Gửi thất bại" in html
    assert "ConnectionRefusedError: [Errno 111] Connection refused" in html
    assert "ban.lan@example.com" not in html  # the address is only kept as a keyed hash
    add = client.get("/admin/snippets/news/articlesendlog/add/")
    assert add.status_code == 302  # nobody writes a log entry by hand
