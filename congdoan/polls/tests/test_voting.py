"""One vote per reader, no raw address stored, and the poll's opening hours."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from congdoan.polls.factories import PollFactory
from congdoan.polls.models import Vote
from congdoan.polls.voting import VoteRefused, cast_vote

pytestmark = pytest.mark.django_db

READER = "AbCdEfGh12345678"
OTHER_READER = "ZyXwVuTs98765432"
ADDRESS = "203.0.113.45"


def choice_ids(poll, *indexes):
    choices = list(poll.choices.order_by("sort_order"))
    return [str(choices[index].pk) for index in indexes]


def test_a_reader_votes_once_another_reader_may_vote_too():
    poll = PollFactory()
    cast_vote(poll, choice_ids(poll, 0), READER, ADDRESS)
    with pytest.raises(VoteRefused) as refused:
        cast_vote(poll, choice_ids(poll, 1), READER, "198.51.100.1")
    assert refused.value.status == 409
    assert str(refused.value.message) == "Bạn đã bình chọn trong cuộc thăm dò này."
    cast_vote(poll, choice_ids(poll, 1), OTHER_READER, ADDRESS)
    rows, voters = poll.results()
    assert voters == 2
    assert [(choice.label, votes, percent) for choice, votes, percent in rows] == [
        ("Có", 1, 50),
        ("Không", 1, 50),
    ]


def test_no_raw_address_or_reader_id_is_stored():
    poll = PollFactory()
    cast_vote(poll, choice_ids(poll, 0), READER, ADDRESS)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM polls_vote")
        row = " ".join(str(value) for value in cursor.fetchone())
    assert ADDRESS not in row
    assert READER not in row
    vote = Vote.objects.get()
    assert len(vote.reader_key) == 32
    assert vote.reader_key != PollFactory().reader_key(READER)  # salted per poll


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (1, 5, "Cuộc thăm dò này chưa bắt đầu."),
        (-5, -1, "Cuộc thăm dò đã kết thúc: không nhận thêm phiếu."),
    ],
)
def test_a_poll_not_open_refuses_votes(opens, closes, message):
    now = timezone.now()
    poll = PollFactory(
        opens_at=now + datetime.timedelta(days=opens),
        closes_at=now + datetime.timedelta(days=closes),
    )
    with pytest.raises(VoteRefused) as refused:
        cast_vote(poll, choice_ids(poll, 0), READER, ADDRESS)
    assert refused.value.status == 403
    assert str(refused.value.message) == message
    assert not Vote.objects.exists()


def test_the_closing_moment_is_the_first_refused(time_machine):
    closes = timezone.make_aware(datetime.datetime(2026, 6, 30, 17, 0))
    poll = PollFactory(opens_at=closes - datetime.timedelta(days=7), closes_at=closes)
    time_machine.move_to(closes - datetime.timedelta(seconds=1), tick=False)
    cast_vote(poll, choice_ids(poll, 0), READER, ADDRESS)
    time_machine.move_to(closes, tick=False)
    with pytest.raises(VoteRefused):
        cast_vote(poll, choice_ids(poll, 0), OTHER_READER, ADDRESS)


@pytest.mark.parametrize(
    ("picked", "message"),
    [
        ([], "Vui lòng chọn một phương án trước khi bình chọn."),
        (["abc"], "Vui lòng chọn trong các phương án của cuộc thăm dò."),
        (["999999"], "Vui lòng chọn một phương án trước khi bình chọn."),
        (None, "Vui lòng chỉ chọn một phương án."),
    ],
)
def test_choices_must_be_the_polls_own_and_one_when_single(picked, message):
    poll = PollFactory()
    if picked is None:
        picked = choice_ids(poll, 0, 1)
    with pytest.raises(VoteRefused) as refused:
        cast_vote(poll, picked, READER, ADDRESS)
    assert refused.value.status == 400
    assert str(refused.value.message) == message


def test_multiple_choice_counts_each_ticked_choice():
    poll = PollFactory(multiple_choice=True, choices=("Tiền lương", "Nhà ở", "Việc làm"))
    cast_vote(poll, choice_ids(poll, 0, 2), READER, ADDRESS)
    rows, voters = poll.results()
    assert voters == 1
    assert [votes for _choice, votes, _percent in rows] == [1, 0, 1]


def test_one_address_casts_a_bounded_number_of_votes(settings):
    settings.POLL_VOTES_PER_ADDRESS = 2
    poll = PollFactory()
    for reader in ("reader-one-1234", "reader-two-1234"):
        cast_vote(poll, choice_ids(poll, 0), reader, ADDRESS)
    with pytest.raises(VoteRefused) as refused:
        cast_vote(poll, choice_ids(poll, 0), "reader-three-12", ADDRESS)
    assert refused.value.status == 429
    cast_vote(poll, choice_ids(poll, 0), "reader-three-12", "198.51.100.7")
