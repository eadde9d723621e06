"""The vote endpoint (no CSRF token, its own origin check), the poll page, the side block and
the page cache."""

import pytest

from congdoan.news.factories import SectionPageFactory
from congdoan.polls.factories import PollFactory
from congdoan.polls.models import Vote
from congdoan.polls.voting import READER_COOKIE
from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

pytestmark = pytest.mark.django_db

ORIGIN = "http://testserver"


@pytest.fixture
def poll(home_page):
    return PollFactory(question="Bạn có biết mức lương tối thiểu vùng hiện nay không?")


def first_choice(poll):
    return str(poll.choices.order_by("sort_order").first().pk)


def test_a_vote_sets_the_reader_cookie_and_shows_the_results(client, poll):
    response = client.post(poll.get_vote_url(), {"choice": first_choice(poll)}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 302
    assert response["Location"] == poll.get_absolute_url()
    assert response.cookies[READER_COOKIE]["httponly"] is True
    page = client.get(poll.get_absolute_url())
    html = page.content.decode()
    assert "Cảm ơn bạn: phiếu bình chọn đã được ghi nhận." in html
    assert '<progress max="100" value="100"' in html
    assert "1 phiếu (100%)" in html
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert 'name="choice"' not in main
    again = client.post(poll.get_vote_url(), {"choice": first_choice(poll)}, HTTP_ORIGIN=ORIGIN)
    assert again.status_code == 409
    assert "Bạn đã bình chọn trong cuộc thăm dò này." in again.content.decode()
    assert Vote.objects.count() == 1


def test_a_vote_from_another_site_is_refused(client, poll):
    for headers in (
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_REFERER": "https://evil.example/form"},
        {},
    ):
        response = client.post(poll.get_vote_url(), {"choice": first_choice(poll)}, **headers)
        assert response.status_code == 403
        assert "Không xác minh được phiếu bình chọn." in response.content.decode()
    assert not Vote.objects.exists()
    same_site = client.post(
        poll.get_vote_url(), {"choice": first_choice(poll)}, HTTP_REFERER=f"{ORIGIN}/tin-tuc/"
    )
    assert same_site.status_code == 302


def test_results_after_closing_only_are_hidden_from_voters_until_then(client, poll):
    poll.results_shown = poll.ResultsShown.AFTER_CLOSING
    poll.save()
    client.post(poll.get_vote_url(), {"choice": first_choice(poll)}, HTTP_ORIGIN=ORIGIN)
    html = client.get(poll.get_absolute_url()).content.decode()
    assert "Kết quả sẽ được công bố khi cuộc thăm dò kết thúc." in html
    assert "<progress" not in html


def test_the_side_block_shows_the_open_poll_in_a_cacheable_page(client, poll, settings):
    settings.PAGE_CACHE_ENABLED = True
    section = SectionPageFactory(parent=poll_home(poll), title="Tin tức")
    first = client.get(section.url)
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert poll.question in html
    assert f'action="{poll.get_vote_url()}"' in html
    assert "csrfmiddlewaretoken" not in html
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    # Voting changes no cached page: the reader's cookie alone does not bypass the cache.
    client.post(poll.get_vote_url(), {"choice": first_choice(poll)}, HTTP_ORIGIN=ORIGIN)
    client.get(poll.get_absolute_url())  # shows (and so clears) the flash message
    # A browser drops the emptied message cookie; the test client would send it on.
    client.cookies.pop("messages")
    assert READER_COOKIE in client.cookies
    assert client.get(section.url)["X-Page-Cache"] == "hit"
    assert client.get(poll.get_absolute_url())["X-Page-Cache"] == "bypass"


def poll_home(poll):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page


@pytest.mark.postgres
def test_the_poll_page_within_the_query_budget(client, poll):
    measured = warm_queries(client, poll.get_absolute_url())
    assert measured.count <= MAX_QUERIES, measured.sql
