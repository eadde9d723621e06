import datetime

import pytest

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.models import LegalDocument, Status

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2024, 11, 27)
EFFECTIVE = datetime.date(2025, 7, 1)
EXPIRES = datetime.date(2030, 1, 1)


def vietnam_noon(day):
    return datetime.datetime.combine(day, datetime.time(0, 30)).replace(
        tzinfo=datetime.timezone(datetime.timedelta(hours=7))
    )


@pytest.mark.parametrize(
    ("today", "status"),
    [
        (ISSUED, Status.NOT_YET_EFFECTIVE),
        (EFFECTIVE - datetime.timedelta(days=1), Status.NOT_YET_EFFECTIVE),
        (EFFECTIVE, Status.IN_FORCE),
        (EXPIRES - datetime.timedelta(days=1), Status.IN_FORCE),
        (EXPIRES, Status.EXPIRED),
    ],
)
def test_status_around_its_boundary_dates(time_machine, today, status):
    # 00:30 in Vietnam is still the previous day in UTC: the local date must decide.
    time_machine.move_to(vietnam_noon(today))
    document = LegalDocumentFactory(issued_on=ISSUED, effective_on=EFFECTIVE, expires_on=EXPIRES)
    assert document.status == status
    assert list(LegalDocument.objects.with_status(status)) == [document]
    others = {s for s in Status if s != status}
    for other in others:
        assert not LegalDocument.objects.with_status(other).exists()


def test_without_effective_date_in_force_from_issue_date(time_machine):
    time_machine.move_to(vietnam_noon(ISSUED - datetime.timedelta(days=1)))
    document = LegalDocumentFactory(issued_on=ISSUED)
    assert document.status == Status.NOT_YET_EFFECTIVE
    time_machine.move_to(vietnam_noon(ISSUED))
    document = LegalDocument.objects.get(pk=document.pk)
    assert document.status == Status.IN_FORCE
    assert LegalDocument.objects.with_status(Status.IN_FORCE).get() == document


def test_an_editor_can_mark_a_document_replaced(time_machine):
    time_machine.move_to(vietnam_noon(EFFECTIVE))
    document = LegalDocumentFactory(issued_on=ISSUED, effective_on=EFFECTIVE, is_replaced=True)
    assert document.status == Status.REPLACED
    assert LegalDocument.objects.with_status(Status.REPLACED).get() == document
    assert not LegalDocument.objects.with_status(Status.IN_FORCE).exists()


def test_dates_in_the_wrong_order_are_refused():
    from django.core.exceptions import ValidationError

    document = LegalDocumentFactory.build(
        issued_on=ISSUED,
        effective_on=ISSUED - datetime.timedelta(days=1),
        expires_on=ISSUED - datetime.timedelta(days=2),
    )
    document.document_type.save()
    document.issuer.save()
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert {"effective_on", "expires_on"} <= set(error.value.message_dict)
