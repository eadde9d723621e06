"""Liên hệ: the form's protections (CSRF, honeypot, rate limits, header injection, lengths),
each refused in Vietnamese; messages stored and routed to the chosen department's recipients."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.utils import timezone

from congdoan.contact.models import ContactMessage
from congdoan.core import page_cache
from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

pytestmark = pytest.mark.django_db


def post(client, data, ip="203.0.113.7", **changes):
    return client.post("/lien-he/", {**data, **changes}, REMOTE_ADDR=ip, follow=True)


def test_form_page_lists_departments_and_the_form(client, contact_page):
    html = client.get("/lien-he/").content.decode()

    assert "csrfmiddlewaretoken" in html
    assert '<option value="" selected>Chọn bộ phận</option>' in html
    assert "Ban Chính sách – Pháp luật</option>" in html
    assert '<a href="mailto:banchinhsach@ldld.example.vn">' in html
    assert '<a href="tel:02183852013">0218 3852 013</a>' in html
    assert 'name="website"' in html
    assert "noibo." not in html  # recipients are internal


def test_message_is_stored_and_emailed_to_the_departments_recipients(
    client, contact_page, valid_message, legal_department
):
    response = post(client, valid_message)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Đã nhận thư của bạn và chuyển tới Ban Chính sách – Pháp luật." in html
    message = ContactMessage.objects.get()
    assert message.department == legal_department
    assert message.status == ContactMessage.Status.NEW
    assert (message.name, message.email, message.phone) == (
        "Phạm Thị Lụa",
        "lua.pham@example.com",
        "0912 345 678",
    )
    assert len(message.ip_hash) == 64 and "203.0.113.7" not in message.ip_hash
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["noibo.phapluat@ldld.example.vn", "truongban@ldld.example.vn"]
    assert email.reply_to == ["lua.pham@example.com"]
    assert email.subject == "[Liên hệ] Hỏi về chế độ thai sản"
    assert "Người gửi: Phạm Thị Lụa" in email.body
    assert "Điện thoại: 0912 345 678" in email.body
    assert "xin hỏi về chế độ thai sản.\nXin cảm ơn." in email.body
    assert f"http://testserver/admin/snippets/contact/contactmessage/edit/{message.pk}/" in (
        email.body
    )


def test_message_to_another_department_goes_only_to_its_recipients(
    client, contact_page, valid_message, office
):
    post(client, valid_message, department=str(office.pk))

    assert [email.to for email in mail.outbox] == [["noibo.vanphong@ldld.example.vn"]]


def test_when_the_email_cannot_be_queued_the_reader_is_told_only_that_it_was_received(
    client, contact_page, valid_message, monkeypatch
):
    from congdoan.contact import views

    def refuse(**kwargs):
        raise ConnectionError("queue down")

    monkeypatch.setattr(views, "send_contact_message", SimpleNamespace(enqueue=refuse))
    html = post(client, valid_message).content.decode()

    assert "Đã nhận thư của bạn; Ban Chính sách – Pháp luật sẽ xem thư." in html
    assert "chuyển tới" not in html
    assert ContactMessage.objects.count() == 1
    assert mail.outbox == []


def test_post_without_csrf_token_is_refused_in_vietnamese(contact_page, valid_message):
    client = Client(enforce_csrf_checks=True)

    response = client.post("/lien-he/", valid_message)

    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.content.decode()
    assert ContactMessage.objects.count() == 0


def test_honeypot_pretends_success_and_stores_nothing(client, contact_page, valid_message):
    html = post(client, valid_message, website="http://spam.example").content.decode()

    assert "Đã nhận thư của bạn" in html
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("field", ["name", "subject", "email"])
def test_line_breaks_in_header_fields_are_refused(client, contact_page, valid_message, field):
    injected = valid_message[field] + "\r\nBcc: victim@example.com"

    response = post(client, valid_message, **{field: injected})

    assert response.status_code == 200
    assert "Không được xuống dòng trong ô này." in response.content.decode()
    assert ContactMessage.objects.count() == 0
    assert mail.outbox == []


def test_required_fields_and_lengths_are_explained_in_vietnamese(client, contact_page):
    html = post(client, {"name": "", "email": "sai", "message": "x" * 3001}).content.decode()

    assert "Vui lòng nhập họ tên của bạn." in html
    assert "Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com." in html
    assert "Vui lòng chọn bộ phận nhận thư." in html
    assert "Vui lòng nhập tiêu đề." in html
    assert "Quá dài: tối đa 3000 ký tự (hiện có 3001)." in html


def test_hostile_department_and_phone_get_vietnamese_errors(client, contact_page, valid_message):
    html = post(client, valid_message, department="1 OR 1=1", phone="<script>").content.decode()

    assert "Vui lòng chọn một bộ phận trong danh sách." in html
    assert "Vui lòng nhập số điện thoại chỉ gồm chữ số, ví dụ 0218 3852 000." in html
    assert ContactMessage.objects.count() == 0


def test_departments_not_receiving_messages_cannot_be_chosen(
    client, contact_page, valid_message, legal_department
):
    legal_department.receives_messages = False
    legal_department.save()

    html = post(client, valid_message).content.decode()

    assert "Vui lòng chọn một bộ phận trong danh sách." in html


@override_settings(CONTACT_MESSAGES_PER_IP_PER_HOUR=2, CONTACT_MESSAGES_PER_EMAIL_PER_HOUR=10)
def test_rate_limit_per_client_address_then_free_after_an_hour(client, contact_page, valid_message):
    for number in range(2):
        post(client, valid_message, email=f"nguoi{number}@example.com")

    refused = post(client, valid_message, email="nguoi3@example.com")

    assert refused.status_code == 429
    assert "Bạn đã gửi nhiều thư trong một giờ qua. Vui lòng thử lại sau." in (
        refused.content.decode()
    )
    assert ContactMessage.objects.count() == 2
    assert post(client, valid_message, ip="198.51.100.9").redirect_chain  # another reader
    with time_machine.travel(timezone.now() + timedelta(hours=1, minutes=1)):
        assert post(client, valid_message, email="nguoi4@example.com").redirect_chain


@override_settings(TRUSTED_PROXY_COUNT=1, CONTACT_MESSAGES_PER_IP_PER_HOUR=1)
def test_rate_limit_uses_the_one_client_address_behind_the_proxy(
    client, contact_page, valid_message
):
    def via_proxy(forwarded_for):
        return client.post(
            "/lien-he/", valid_message, REMOTE_ADDR="", HTTP_X_FORWARDED_FOR=forwarded_for
        )

    assert via_proxy("10.0.0.1, 203.0.113.7").status_code == 302
    # The client cannot escape by writing its own entries to the left.
    assert via_proxy("192.0.2.99, 203.0.113.7").status_code == 429
    assert via_proxy("203.0.113.8").status_code == 302


@pytest.mark.postgres  # the advisory lock, and a case-insensitive match on PostgreSQL
@override_settings(CONTACT_MESSAGES_PER_EMAIL_PER_HOUR=1)
def test_rate_limit_per_sender_address(client, contact_page, valid_message):
    post(client, valid_message, ip="203.0.113.1")

    refused = post(client, valid_message, ip="203.0.113.2", email="LUA.PHAM@example.com")

    assert refused.status_code == 429
    assert "Địa chỉ email này đã gửi nhiều thư trong một giờ qua." in refused.content.decode()


def test_contact_page_is_never_stored_in_the_page_cache(client, contact_page, settings):
    settings.PAGE_CACHE_ENABLED = True

    responses = [client.get("/lien-he/") for _ in range(2)]

    assert [response[page_cache.CACHE_HEADER] for response in responses] == ["bypass", "bypass"]
    assert "public" not in responses[1].get("Cache-Control", "")


def test_personal_data_of_messages_is_never_on_a_public_page(client, contact_page, valid_message):
    post(client, valid_message)

    for url in ("/", "/lien-he/", "/tim-kiem/?q=Ph%E1%BA%A1m+Th%E1%BB%8B+L%E1%BB%A5a"):
        html = client.get(url).content.decode()
        assert "lua.pham" not in html, url
        assert "0912 345 678" not in html, url
        assert "chế độ thai sản" not in html, url


@pytest.mark.postgres
def test_contact_page_renders_within_the_query_budget(client, contact_page):
    assert warm_queries(client, "/lien-he/").count <= MAX_QUERIES
