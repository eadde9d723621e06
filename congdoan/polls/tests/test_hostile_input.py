"""Hostile votes: a fixed set of statuses with a Vietnamese message, never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.polls.factories import PollFactory
from congdoan.tests.test_fuzz_public_inputs import text

FUZZ = settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.fixture
def poll(db):
    return PollFactory()


@pytest.mark.django_db
@FUZZ
# A cookie reaches Django as latin-1 text; the test client cannot send other characters.
@given(
    choices=st.lists(text, max_size=5), reader=st.text(alphabet=st.characters(max_codepoint=255))
)
def test_the_vote_endpoint(client, poll, choices, reader):
    client.cookies["poll_reader"] = reader[:100]
    response = client.post(
        poll.get_vote_url(), {"choice": choices}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code in {302, 400, 409}
    if response.status_code != 302:
        assert 'role="alert"' in response.content.decode()
