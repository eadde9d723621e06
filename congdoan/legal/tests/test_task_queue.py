"""Text extraction runs on its own queue, so a large file never delays mail or the index."""

import pytest
from django.conf import settings
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from congdoan.legal.tasks import extract_document_text

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
}


@pytest.mark.django_db
def test_text_extraction_is_enqueued_on_the_documents_queue():
    with override_settings(TASKS=DATABASE_TASKS):
        extract_document_text.enqueue(1)
    assert list(DBTaskResult.objects.values_list("queue_name", flat=True)) == ["documents"]
