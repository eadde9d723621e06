import io

import pytest

from congdoan.polls import demo
from congdoan.polls.models import Poll

pytestmark = pytest.mark.django_db


def test_demo_has_an_open_poll_in_the_side_block_and_a_closed_one_with_results(client, home_page):
    demo.load(io.StringIO())
    demo.load(io.StringIO())  # idempotent
    assert Poll.objects.count() == 2
    assert Poll.objects.current().question == demo.OPEN_POLL["question"]
    assert demo.OPEN_POLL["question"] in client.get("/").content.decode()
    closed = Poll.objects.get(question=demo.CLOSED_POLL["question"])
    rows, voters = closed.results()
    assert voters == 62
    assert [(choice.label, votes) for choice, votes, _percent in rows] == [
        ("Đã tổ chức", 41),
        ("Chưa tổ chức", 12),
        ("Tôi không biết", 9),
    ]
    page = client.get(closed.get_absolute_url()).content.decode()
    assert '<progress max="100" value="66"' in page
