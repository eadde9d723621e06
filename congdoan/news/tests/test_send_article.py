from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from congdoan.news.factories import ArticlePageFactory
from congdoan.news.models import ArticleSendLog

pytestmark = pytest.mark.django_db

VALID = {
    "recipient": "ban.lan@example.com",
    "sender_name": "Nguyễn Văn Minh",
    "message": "Bài này hay, bạn đọc nhé.",
    "website": "",
}


def send_url(article):
    return article.url + article.reverse_subpage("send")


def post(client, article, ip="203.0.113.7", **changes):
    return client.post(send_url(article), {**VALID, **changes}, REMOTE_ADDR=ip, follow=True)


def test_form_page_shows_the_article_and_is_not_indexed(client, article):
    response = client.get(send_url(article))

    assert response.status_code == 200
    html = response.content.decode()
    assert article.title in html
    assert '<meta name="robots" content="noindex">' in html
    assert "Email người nhận" in html
    assert "Họ tên của bạn" in html
    assert 'name="website"' in html
    assert "csrfmiddlewaretoken" in html


def test_sending_emails_title_sapo_and_link_as_html_and_text(client, article, site_settings):
    response = post(client, article)

    assert response.status_code == 200
    assert "Bài viết đã được gửi tới ban.lan@example.com." in response.content.decode()
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["ban.lan@example.com"]
    assert email.from_email == "Cổng Công đoàn <no-reply@localhost>"
    assert email.subject == f"Nguyễn Văn Minh gửi bạn bài viết: {article.title}"
    link = f"http://testserver{article.url}"
    assert article.title in email.body
    assert article.sapo in email.body
    assert link in email.body
    assert "Bài này hay, bạn đọc nhé." in email.body
    assert "Liên đoàn Lao động tỉnh Hòa Bình" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert article.title in html
    assert article.sapo in html
    assert f'href="{link}"' in html
    assert "Bài này hay, bạn đọc nhé." in html


def test_message_is_optional(client, article):
    post(client, article, message="")

    assert len(mail.outbox) == 1
    assert "Lời nhắn" not in mail.outbox[0].body


def test_csrf_token_is_required(article):
    client = Client(enforce_csrf_checks=True)

    response = client.post(send_url(article), VALID)

    assert response.status_code == 403
    assert mail.outbox == []


def test_filled_honeypot_sends_nothing_but_looks_like_success(client, article):
    response = post(client, article, website="http://spam.example")

    # What a real reader is told while a worker has not sent the email yet.
    assert "Bài viết sẽ được gửi tới ban.lan@example.com trong ít phút." in (
        response.content.decode()
    )
    assert mail.outbox == []
    assert not ArticleSendLog.objects.exists()


def test_one_email_per_recipient_per_article_per_hour(client, article, section):
    post(client, article)
    response = post(client, article, ip="198.51.100.9", recipient="BAN.LAN@example.com")

    assert response.status_code == 429
    html = response.content.decode()
    assert "Bài viết này đã được gửi tới địa chỉ email này trong vòng một giờ qua." in html
    assert len(mail.outbox) == 1

    other_article = ArticlePageFactory(parent=section)
    post(client, other_article)
    assert len(mail.outbox) == 2

    with time_machine.travel(timezone.now() + timedelta(minutes=61)):
        post(client, article)
    assert len(mail.outbox) == 3


def test_ten_emails_per_ip_per_hour(client, article):
    for number in range(10):
        post(client, article, recipient=f"nguoi{number}@example.com")
    assert len(mail.outbox) == 10

    response = post(client, article, recipient="nguoi-thu-11@example.com")

    assert response.status_code == 429
    assert "Bạn đã gửi quá nhiều bài viết trong một giờ qua." in response.content.decode()
    assert len(mail.outbox) == 10
    assert post(client, article, ip="198.51.100.9", recipient="khac@example.com").status_code == 200
    assert len(mail.outbox) == 11


def test_rate_limits_come_from_settings(client, article, settings):
    settings.SEND_ARTICLE_PER_IP_PER_HOUR = 2
    settings.SEND_ARTICLE_PER_RECIPIENT_PER_HOUR = 2

    post(client, article)
    post(client, article)
    assert len(mail.outbox) == 2
    assert post(client, article, recipient="khac@example.com").status_code == 429


def test_log_keeps_only_keyed_hashes_and_forgets_after_an_hour(client, article):
    post(client, article)

    entry = ArticleSendLog.objects.get()
    stored = f"{entry.ip_hash} {entry.recipient_hash}"
    assert "203.0.113.7" not in stored
    assert "ban.lan" not in stored
    assert len(entry.ip_hash) == len(entry.recipient_hash) == 64

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        post(client, article, recipient="khac@example.com")
    assert ArticleSendLog.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sender_name", "Minh\r\nBcc: victim@example.com"),
        ("sender_name", "Minh\nBcc: victim@example.com"),
        ("recipient", "ban.lan@example.com\r\nBcc: victim@example.com"),
        ("recipient", "ban.lan@example.com\nCc: victim@example.com"),
    ],
)
def test_header_injection_is_refused(client, article, field, value):
    response = post(client, article, **{field: value})

    html = response.content.decode()
    assert mail.outbox == []
    assert ("Không được xuống dòng trong ô này." in html) or (
        "Vui lòng nhập địa chỉ email hợp lệ" in html
    )


def test_user_html_is_escaped_in_the_mail(client, article):
    post(
        client,
        article,
        sender_name='<b onclick="x()">Minh</b>',
        message='<a href="http://lua-dao.example">Nhận quà</a>\n<script>alert(1)</script>',
    )

    html = mail.outbox[0].alternatives[0][0]
    assert "<b onclick" not in html
    assert "<script>" not in html
    assert '<a href="http://lua-dao.example">' not in html
    assert "&lt;b onclick=&quot;x()&quot;&gt;Minh&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The plain-text part is plain text: no entities, the message as typed.
    assert '<a href="http://lua-dao.example">Nhận quà</a>' in mail.outbox[0].body


def test_errors_are_vietnamese_and_the_form_keeps_what_was_typed(client, article):
    response = post(
        client, article, recipient="khong-phai-email", message="Lời nhắn của tôi", sender_name=""
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com." in html
    assert "Vui lòng nhập họ tên của bạn." in html
    assert 'value="khong-phai-email"' in html
    assert "Lời nhắn của tôi</textarea>" in html
    assert mail.outbox == []


def test_message_longer_than_500_characters_is_refused(client, article):
    response = post(client, article, message="a" * 501)

    assert "Lời nhắn quá dài: tối đa 500 ký tự (hiện có 501)." in response.content.decode()
    assert mail.outbox == []


def test_missing_recipient_has_a_vietnamese_error(client, article):
    response = post(client, article, recipient="")

    assert "Vui lòng nhập địa chỉ email người nhận." in response.content.decode()


def test_send_is_404_when_switched_off(client, article):
    article.allow_send = False
    article.save_revision().publish()

    assert client.get(send_url(article)).status_code == 404
    assert post(client, article).status_code == 404
    assert mail.outbox == []
    html = client.get(article.url).content.decode()
    assert "Gửi bài viết" not in html
    assert "In bài" in html


def test_send_is_404_for_a_draft(client, article):
    url = send_url(article)
    article.unpublish()

    assert client.get(url).status_code == 404
    assert client.post(url, VALID).status_code == 404
