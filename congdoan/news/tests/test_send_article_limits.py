"""Gửi bài viết limits: per recipient across articles, per client behind the proxy."""

import pytest
from django.core import mail

from congdoan.news.factories import ArticlePageFactory

from .test_send_article import VALID, send_url

pytestmark = pytest.mark.django_db


def post_via_proxy(client, article, client_address, **changes):
    """What gunicorn sees behind the deploy/ nginx: no REMOTE_ADDR, the client in the header."""
    return client.post(
        send_url(article),
        {**VALID, **changes},
        REMOTE_ADDR="",
        HTTP_X_FORWARDED_FOR=client_address,
        follow=True,
    )


def test_one_address_receives_at_most_three_articles_an_hour_whoever_sends(client, section):
    articles = ArticlePageFactory.create_batch(4, parent=section)

    statuses = [
        client.post(send_url(article), VALID, REMOTE_ADDR=f"203.0.113.{number}").status_code
        for number, article in enumerate(articles, start=1)
    ]

    assert statuses == [302, 302, 302, 429]
    assert len(mail.outbox) == 3
    refused = client.post(send_url(articles[3]), VALID, REMOTE_ADDR="198.51.100.1")
    assert "Địa chỉ email này đã nhận nhiều bài viết trong một giờ qua." in refused.content.decode()
    other = client.post(
        send_url(articles[3]),
        {**VALID, "recipient": "khac@example.com"},
        REMOTE_ADDR="198.51.100.1",
    )
    assert other.status_code == 302


def test_readers_behind_the_proxy_have_their_own_limits(client, article, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.SEND_ARTICLE_PER_IP_PER_HOUR = 2

    first = [
        post_via_proxy(client, article, "203.0.113.7", recipient=f"a{n}@example.com").status_code
        for n in range(3)
    ]
    # A forged entry in front of the real one does not make a new bucket.
    forged = post_via_proxy(client, article, "1.2.3.4, 203.0.113.7", recipient="b@example.com")
    other_reader = post_via_proxy(client, article, "198.51.100.9", recipient="c@example.com")

    assert first == [200, 200, 429]
    assert forged.status_code == 429
    assert other_reader.status_code == 200
    assert len(mail.outbox) == 3
