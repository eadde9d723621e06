"""Hostile input to the question form and the archive: statuses from a fixed set, Vietnamese
errors, nothing stored on refusal."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.questions.models import LegalQuestion
from congdoan.tests.test_fuzz_public_inputs import errors_are_vietnamese, text

FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.django_db
@FUZZ
@given(
    fields=st.fixed_dictionaries(
        {"asker_name": text, "email": text, "topic": text, "question": text, "website": st.just("")}
    )
)
def test_the_question_form(client, archive, topic, fields):
    stored = LegalQuestion.objects.count()
    response = client.post("/hoi-dap-phap-luat/gui-cau-hoi/", fields)
    # 429 once the address has sent its hourly number of questions.
    assert response.status_code in {200, 302, 429}
    if response.status_code in {200, 429}:
        errors_are_vietnamese(response)
        assert LegalQuestion.objects.count() == stored


@pytest.mark.django_db
@FUZZ
@given(params=st.dictionaries(st.sampled_from(["q", "topic", "page"]), text, max_size=3))
def test_the_archive_filters(client, archive, topic, params):
    response = client.get("/hoi-dap-phap-luat/", params)
    assert response.status_code in {200, 400}
    if response.status_code == 400:
        errors_are_vietnamese(response)
