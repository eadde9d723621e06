"""A reader sends a message through the real form of the running portal, on a phone."""

import pytest
from django.core import mail

from conftest import PHONE
from congdoan.contact.models import ContactMessage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_reader_sends_a_message_that_reaches_the_department(
    live_server, contact_page, legal_department, open_page
):
    page = open_page(PHONE)
    page.goto(live_server.url + "/lien-he/")
    page.fill("#id_name", "Phạm Thị Lụa")
    page.fill("#id_email", "lua.pham@example.com")
    page.select_option("#id_department", label="Ban Chính sách – Pháp luật")
    page.fill("#id_subject", "Hỏi về chế độ thai sản")
    page.fill("#id_message", "Xin hỏi về chế độ thai sản.")
    with page.expect_navigation():
        page.click(".contact-form button[type=submit]")

    assert page.url == live_server.url + "/lien-he/"
    assert page.inner_text("ul.messages") == (
        "Đã nhận thư của bạn và chuyển tới Ban Chính sách – Pháp luật."
    )
    page.problems.assert_none()
    message = ContactMessage.objects.get()
    assert (message.department, message.subject) == (legal_department, "Hỏi về chế độ thai sản")
    assert [email.to for email in mail.outbox] == [
        ["noibo.phapluat@ldld.example.vn", "truongban@ldld.example.vn"]
    ]
