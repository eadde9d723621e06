import pytest

from congdoan.polls.factories import PollFactory
from congdoan.polls.voting import cast_vote

pytestmark = pytest.mark.django_db


def test_the_poll_list_counts_votes_and_the_edit_form_renders(admin_client):
    poll = PollFactory()
    cast_vote(poll, [str(poll.choices.first().pk)], "reader-admin-1", "203.0.113.1")
    listing = admin_client.get("/admin/snippets/polls/poll/")
    assert listing.status_code == 200
    assert poll.question in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/polls/poll/edit/{poll.pk}/")
    assert edit.status_code == 200
    assert "Các phương án" in edit.content.decode()
