"""Casting a vote: who the reader is, and the rules a vote must pass."""

import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from congdoan.visitors.identity import clean_client_id

from .models import Vote

READER_COOKIE = "poll_reader"
READER_COOKIE_MAX_AGE = 400 * 24 * 3600  # browsers cap cookies at 400 days


class VoteRefused(Exception):
    """The vote was not counted; `message` says why (Vietnamese), `status` is the HTTP status."""

    def __init__(self, message, status: int):
        super().__init__(str(message))
        self.message = message
        self.status = status


def reader_id(request) -> tuple[str, bool]:
    """The reader's random id from the poll cookie, and whether it is new (to be set)."""
    existing = clean_client_id(request.COOKIES.get(READER_COOKIE))
    if existing:
        return existing, False
    return secrets.token_urlsafe(16), True


def remember_reader(response, reader: str) -> None:
    response.set_cookie(
        READER_COOKIE,
        reader,
        max_age=READER_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def has_voted(poll, reader: str) -> bool:
    return bool(reader) and poll.votes.filter(reader_key=poll.reader_key(reader)).exists()


def cast_vote(poll, choice_ids: list[str], reader: str, ip: str, now=None) -> Vote:
    """Store one vote, or raise VoteRefused."""
    state = poll.state(now)
    if state == "upcoming":
        raise VoteRefused(_("This poll is not open yet."), 403)
    if state == "closed":
        raise VoteRefused(_("This poll is closed: votes are no longer accepted."), 403)
    wanted = {value for value in choice_ids if value.isascii() and value.isdigit()}
    if len(wanted) != len(choice_ids):
        raise VoteRefused(_("Please choose from the poll's answers."), 400)
    choices = list(poll.choices.filter(pk__in=[int(value) for value in wanted][:100]))
    if not choices or len(choices) != len(wanted):
        raise VoteRefused(_("Please choose an answer before voting."), 400)
    if len(choices) > 1 and not poll.multiple_choice:
        raise VoteRefused(_("Please choose only one answer."), 400)
    address_key = poll.address_key(ip)
    try:
        with transaction.atomic():
            if poll.votes.filter(address_key=address_key).count() >= (
                settings.POLL_VOTES_PER_ADDRESS
            ):
                raise VoteRefused(_("Too many votes came from your network for this poll."), 429)
            vote = Vote.objects.create(
                poll=poll, reader_key=poll.reader_key(reader), address_key=address_key
            )
            vote.choices.set(choices)
    except IntegrityError:
        raise VoteRefused(_("You have already voted in this poll."), 409) from None
    return vote
