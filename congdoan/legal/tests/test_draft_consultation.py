"""Lấy ý kiến dự thảo: the comment window at its boundary dates (Vietnam time), the form's
protections, moderation, the list of open drafts and the XLSX export."""

import datetime
import io
import zoneinfo

import pytest
from django.test import Client
from openpyxl import load_workbook

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.legal.models import DraftComment
from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

pytestmark = pytest.mark.django_db

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
OPENS = datetime.date(2026, 3, 1)
CLOSES = datetime.date(2026, 3, 15)
COMMENT = "Đề nghị bổ sung quy định về thời hạn trả lời đơn xin gia nhập công đoàn."


@pytest.fixture
def draft(home_page):
    return LegalDocumentFactory(
        code="01/DT-LĐLĐ",
        summary="Dự thảo Hướng dẫn kết nạp đoàn viên",
        is_draft=True,
        comments_open_on=OPENS,
        comments_close_on=CLOSES,
    )


def valid_comment(**changes):
    return {
        "name": "Hoàng Văn Nam",
        "email": "nam@example.vn",
        "organization": "CĐCS Công ty May Lạc Thủy",
        "comment": COMMENT,
        "website": "",
        **changes,
    }


def comment_url(document):
    return f"/van-ban/{document.pk}/gop-y/"


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        (datetime.datetime(2026, 2, 28, 23, 59, 59, tzinfo=VIETNAM), False),
        (datetime.datetime(2026, 3, 1, 0, 0, 0, tzinfo=VIETNAM), True),
        (datetime.datetime(2026, 3, 15, 23, 59, 59, tzinfo=VIETNAM), True),
        (datetime.datetime(2026, 3, 16, 0, 0, 0, tzinfo=VIETNAM), False),
    ],
)
def test_comments_are_accepted_from_the_first_day_through_the_last(
    client, draft, time_machine, moment, open_
):
    time_machine.move_to(moment, tick=False)
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Nhận góp ý từ ngày 01/03/2026 đến hết ngày 15/03/2026." in page
    assert ('action="' + comment_url(draft) + '"' in page) is open_
    response = client.post(comment_url(draft), valid_comment())
    assert response.status_code == 302
    assert DraftComment.objects.exists() is open_
    if not open_:
        follow = client.get(response["Location"]).content.decode()
        assert "Dự thảo này hiện không nhận góp ý." in follow


@pytest.fixture
def open_window(time_machine):
    time_machine.move_to(datetime.datetime(2026, 3, 5, 10, 0, tzinfo=VIETNAM), tick=False)


def test_a_comment_is_stored_unapproved_and_not_shown(client, draft, open_window):
    response = client.post(comment_url(draft), valid_comment(), REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    assert response["Location"] == draft.get_absolute_url() + "#draft-comments"
    comment = DraftComment.objects.get()
    assert comment.approved is False
    assert "203.0.113.5" not in comment.address_hash
    page = client.get(draft.get_absolute_url()).content.decode()
    assert "Cảm ơn bạn. Góp ý đã được tiếp nhận" in page
    assert COMMENT not in page
    comment.approved = True
    comment.save()
    page = client.get(draft.get_absolute_url()).content.decode()
    assert COMMENT in page
    assert "CĐCS Công ty May Lạc Thủy" in page
    assert "nam@example.vn" not in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vui lòng nhập họ tên của bạn."),
        ({"email": "nam"}, "email", "Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com."),
        ({"comment": "Ngắn"}, "comment", "Góp ý quá ngắn: hãy viết ít nhất 10 ký tự."),
        ({"comment": "x" * 5001}, "comment", "Góp ý quá dài: tối đa 5000 ký tự (hiện có 5001)."),
        ({"organization": "A\nBcc: x@example.com"}, "organization", "Không được xuống dòng"),
        ({"name": "x" * 81}, "name", "Họ tên quá dài: tối đa 80 ký tự."),
    ],
)
def test_bad_comments_are_refused_in_vietnamese(
    client, draft, open_window, changes, field, message
):
    response = client.post(comment_url(draft), valid_comment(**changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["comment_form"].errors[field])
    assert not DraftComment.objects.exists()


def test_honeypot_rate_limit_and_csrf(client, draft, open_window, settings):
    assert client.post(comment_url(draft), valid_comment(website="x")).status_code == 302
    assert not DraftComment.objects.exists()
    settings.DRAFT_COMMENTS_PER_IP_PER_HOUR = 1
    assert client.post(comment_url(draft), valid_comment()).status_code == 302
    refused = client.post(comment_url(draft), valid_comment())
    assert refused.status_code == 429
    assert "Bạn đã gửi nhiều góp ý trong một giờ qua." in refused.content.decode()
    csrf_client = Client(enforce_csrf_checks=True)
    assert csrf_client.post(comment_url(draft), valid_comment()).status_code == 403
    assert DraftComment.objects.count() == 1


def test_open_drafts_are_listed_and_cached_a_draft_page_with_its_form_is_not(
    client, draft, open_window, settings
):
    closed = LegalDocumentFactory(
        code="02/DT-LĐLĐ",
        is_draft=True,
        comments_open_on=datetime.date(2026, 1, 1),
        comments_close_on=datetime.date(2026, 1, 31),
    )
    settings.PAGE_CACHE_ENABLED = True
    listing = client.get("/van-ban/du-thao/")
    assert listing["X-Page-Cache"] == "miss"
    main = listing.content.decode().split("<main", 1)[1].split("</main>", 1)[0]
    assert draft.code in main
    assert closed.code not in main
    assert client.get("/van-ban/du-thao/")["X-Page-Cache"] == "hit"
    for _ in range(2):
        assert client.get(draft.get_absolute_url())["X-Page-Cache"] == "bypass"
    assert client.get(closed.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(closed.get_absolute_url())["X-Page-Cache"] == "hit"


def test_the_admin_exports_a_drafts_comments_to_xlsx(admin_client, draft, open_window):
    DraftComment.objects.create(
        document=draft,
        name="Hoàng Văn Nam",
        email="nam@example.vn",
        comment=COMMENT,
        organization="LĐLĐ huyện Kim Bôi",
        approved=True,
        address_hash="x",
    )
    DraftComment.objects.create(
        document=draft,
        name="Đinh Thị Mai",
        email="mai@example.vn",
        comment='=HYPERLINK("http://evil.example")',
        address_hash="y",
    )
    response = admin_client.get(f"/admin/legal/draft-comments/{draft.pk}.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["STT", "Thời gian", "Họ tên", "Email", "Cơ quan", "Nội dung", "Trạng thái"]
    assert rows[1] == [
        1,
        "05/03/2026 10:00",
        "Hoàng Văn Nam",
        "nam@example.vn",
        "LĐLĐ huyện Kim Bôi",
        COMMENT,
        "Đã duyệt",
    ]
    assert rows[2][0] == 2
    assert rows[2][5] == '=HYPERLINK("http://evil.example")'
    assert sheet.cell(row=3, column=6).data_type == "s"
    assert rows[2][6] == "Chờ duyệt"


def test_the_export_needs_the_right_to_see_comments(client, draft, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("phongvien", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(f"/admin/legal/draft-comments/{draft.pk}.xlsx")
    # Wagtail turns a refused admin view into a redirect to the dashboard with a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    assert refused["Content-Type"].startswith("text/html")


@pytest.mark.postgres
def test_draft_pages_within_the_query_budget(client, draft, open_window):
    for url in ("/van-ban/du-thao/", draft.get_absolute_url()):
        measured = warm_queries(client, url)
        assert measured.count <= MAX_QUERIES, f"{url}: {measured.count}\n{measured.sql}"


def test_the_admin_lists_comments_for_moderation_and_links_the_export(admin_client, draft):
    DraftComment.objects.create(
        document=draft, name="Bùi Quang Huy", email="huy@example.vn", comment=COMMENT
    )
    listing = admin_client.get("/admin/snippets/legal/draftcomment/")
    assert listing.status_code == 200
    assert "Bùi Quang Huy" in listing.content.decode()
    documents = admin_client.get("/admin/snippets/legal/legaldocument/").content.decode()
    assert f'href="/admin/legal/draft-comments/{draft.pk}.xlsx"' in documents
