"""Thư liên hệ in the admin: listed and filtered, answered (the reply emailed to the sender,
stored, the status Đã trả lời)."""

import pytest
from django.core import mail

from congdoan.about.factories import DepartmentFactory
from congdoan.contact.factories import ContactMessageFactory
from congdoan.contact.models import ContactMessage

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/contact/contactmessage/"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("quantri", "qt@example.com", "mat-khau-dai")
    client.force_login(user)
    client.user = user
    return client


def edit_url(message):
    return f"{LIST_URL}edit/{message.pk}/"


def test_list_filters_by_status_and_department(admin_client):
    answered = ContactMessageFactory(subject="Đã xong", status=ContactMessage.Status.ANSWERED)
    waiting = ContactMessageFactory(subject="Chờ trả lời", department=answered.department)
    other = ContactMessageFactory(
        subject="Gửi văn phòng", department=DepartmentFactory(name="Văn phòng")
    )

    by_status = admin_client.get(LIST_URL, {"status": "new"}).content.decode()
    by_department = admin_client.get(
        LIST_URL, {"department": answered.department.pk}
    ).content.decode()

    assert waiting.subject in by_status and other.subject in by_status
    assert answered.subject not in by_status
    assert answered.subject in by_department and waiting.subject in by_department
    assert other.subject not in by_department
    assert "Đã trả lời" in admin_client.get(LIST_URL).content.decode()


def test_answering_emails_the_reply_stores_it_and_marks_the_message_answered(admin_client):
    message = ContactMessageFactory()
    page = admin_client.get(edit_url(message)).content.decode()
    assert "Tôi muốn hỏi về chế độ thai sản" in page  # the message, read-only

    response = admin_client.post(
        edit_url(message),
        {"status": "in_progress", "reply": "Chị được hưởng 6 tháng nghỉ thai sản."},
        follow=True,
    )

    assert response.status_code == 200
    assert "Nội dung trả lời sẽ được gửi tới lua.pham@example.com." in response.content.decode()
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.ANSWERED
    assert message.reply == "Chị được hưởng 6 tháng nghỉ thai sản."
    assert message.replied_by == admin_client.user
    assert message.replied_at is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["lua.pham@example.com"]
    assert email.subject == "Trả lời: Hỏi về chế độ thai sản"
    assert email.body.startswith("Kính gửi Phạm Thị Lụa,\n\nChị được hưởng 6 tháng nghỉ thai sản.")
    assert "Tôi muốn hỏi về chế độ thai sản" in email.body


def test_saving_without_a_new_reply_sends_nothing(admin_client):
    message = ContactMessageFactory(reply="Đã trả lời trước đó.", status="answered")

    admin_client.post(edit_url(message), {"status": "in_progress", "reply": message.reply})

    message.refresh_from_db()
    assert message.status == ContactMessage.Status.IN_PROGRESS
    assert mail.outbox == []


def test_the_sender_details_cannot_be_changed_from_the_admin(admin_client):
    message = ContactMessageFactory()

    admin_client.post(
        edit_url(message),
        {"status": "new", "reply": "", "email": "ke.gian@example.com", "name": "Khác"},
    )

    message.refresh_from_db()
    assert (message.email, message.name) == ("lua.pham@example.com", "Phạm Thị Lụa")


def test_nobody_writes_a_message_in_the_admin_not_even_a_superuser(admin_client):
    ContactMessageFactory()

    listing = admin_client.get(LIST_URL).content.decode()
    add = admin_client.get(f"{LIST_URL}add/")

    assert f"{LIST_URL}add/" not in listing
    assert add.status_code == 302
    assert add["Location"] == "/admin/"


def test_deleting_a_department_keeps_its_messages(admin_client):
    message = ContactMessageFactory()

    message.department.delete()

    message.refresh_from_db()
    assert message.department is None
    assert admin_client.get(edit_url(message)).status_code == 200
