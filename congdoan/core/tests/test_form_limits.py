"""The one record-then-count runner behind every stored public form's rate limits."""

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, Revision

from congdoan.core.form_limits import (
    Limit,
    SubmissionLimitReached,
    address_hash,
    create_within_limits,
    keyed_hash,
)

pytestmark = pytest.mark.django_db


def submit(object_id: str, limits, created_at=None):
    """Any model with `created_at` works; Wagtail's Revision is one core can name."""
    page_type = ContentType.objects.get_for_model(Page)
    return create_within_limits(
        Revision,
        limits,
        content_type=page_type,
        base_content_type=page_type,
        object_id=object_id,
        object_str=object_id,
        content={},
        created_at=created_at or timezone.now(),
    )


def test_the_first_limit_exceeded_is_named_and_nothing_is_stored():
    limits = [Limit("sender", {"object_id": "1"}, 2), Limit("everyone", {}, 3)]
    submit("1", limits)
    submit("1", limits)
    with pytest.raises(SubmissionLimitReached) as refused:
        submit("1", limits)
    assert refused.value.limit == "sender"
    assert Revision.objects.filter(object_id="1").count() == 2
    submit("2", limits)
    with pytest.raises(SubmissionLimitReached) as refused:
        submit("3", limits)
    assert refused.value.limit == "everyone"
    assert Revision.objects.count() == 3


def test_rows_older_than_the_window_do_not_count():
    limits = [Limit("sender", {"object_id": "1"}, 1)]
    submit("1", limits, created_at=timezone.now() - timedelta(hours=1, minutes=1))
    submit("1", limits)
    assert Revision.objects.filter(object_id="1").count() == 2


def test_keyed_hashes_hide_the_value_and_differ_per_purpose():
    assert keyed_hash("reply-form", " Ten@Example.com ") == keyed_hash(
        "reply-form", "ten@example.com"
    )
    assert keyed_hash("reply-form", "ten@example.com") != keyed_hash(
        "other-form", "ten@example.com"
    )
    assert address_hash("203.0.113.7", "reply-form") == keyed_hash("reply-form", "203.0.113.7")
    assert "203.0.113.7" not in address_hash("203.0.113.7", "reply-form")
    assert len(address_hash("203.0.113.7", "reply-form")) == 64
