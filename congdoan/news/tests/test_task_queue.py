"""The article email goes on the mail queue, which never waits behind image encodes."""

import pytest
from django.conf import settings
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from congdoan.news.tasks import send_article_email

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}


@pytest.mark.django_db
def test_article_email_is_enqueued_on_the_mail_queue():
    with override_settings(TASKS=DATABASE_TASKS):
        send_article_email.enqueue(1, "a@example.vn", "An", "", "http://x/")
    assert list(DBTaskResult.objects.values_list("queue_name", flat=True)) == ["mail"]
