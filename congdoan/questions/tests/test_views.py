"""The public side of Hỏi đáp pháp luật: the question form's protections, the archive, one
answer, and what the page cache keeps."""

import pytest
from django.core import mail
from django.test import Client

from congdoan.legal.factories import LegalDocumentFactory
from congdoan.questions.factories import LegalQuestionFactory, QuestionTopicFactory
from congdoan.questions.models import LegalQuestion
from congdoan.tests.realistic_site import MAX_QUERIES, warm_queries

from .conftest import valid_question

pytestmark = pytest.mark.django_db

ASK_URL = "/hoi-dap-phap-luat/gui-cau-hoi/"


def test_a_question_is_stored_for_the_staff_with_a_hashed_address(client, archive, topic):
    response = client.post(ASK_URL, valid_question(topic), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    assert response["Location"] == ASK_URL
    question = LegalQuestion.objects.get()
    assert question.status == LegalQuestion.Status.NEW
    assert question.email == "hoa@example.vn"
    assert question.consent_to_publish is True
    assert "203.0.113.7" not in question.address_hash
    assert len(question.address_hash) == 64
    page = client.get(ASK_URL).content.decode()
    assert "Cảm ơn bạn. Câu hỏi đã được tiếp nhận" in page
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": ""}, "email", "Vui lòng nhập địa chỉ email để nhận câu trả lời."),
        ({"email": "hoa"}, "email", "Vui lòng nhập địa chỉ email hợp lệ, ví dụ ten@example.com."),
        ({"question": "Hỏi"}, "question", "Câu hỏi quá ngắn: hãy viết ít nhất 20 ký tự."),
        (
            {"question": "x" * 3001},
            "question",
            "Câu hỏi quá dài: tối đa 3000 ký tự (hiện có 3001).",
        ),
        ({"topic": ""}, "topic", "Vui lòng chọn chủ đề."),
        ({"topic": "99999"}, "topic", "Vui lòng chọn một chủ đề trong danh sách."),
        ({"asker_name": "Hoa\r\nBcc: x@example.com"}, "asker_name", "Không được xuống dòng"),
        ({"email": "hoa@example.vn\nBcc: x@example.com"}, "email", "Không được xuống dòng"),
    ],
)
def test_the_form_refuses_bad_input_in_vietnamese(client, archive, topic, changes, field, message):
    response = client.post(ASK_URL, valid_question(topic, **changes))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.content.decode().replace("&quot;", '"')
    assert not LegalQuestion.objects.exists()


def test_a_filled_honeypot_looks_accepted_and_stores_nothing(client, archive, topic):
    response = client.post(ASK_URL, valid_question(topic, website="http://spam.example"))
    assert response.status_code == 302
    assert not LegalQuestion.objects.exists()


def test_one_address_is_limited_per_hour(client, archive, topic, settings, time_machine):
    time_machine.move_to("2026-06-01 08:00:00+07:00", tick=False)
    settings.LEGAL_QUESTIONS_PER_IP_PER_HOUR = 2
    for _ in range(2):
        assert client.post(ASK_URL, valid_question(topic)).status_code == 302
    refused = client.post(ASK_URL, valid_question(topic))
    assert refused.status_code == 429
    assert "Bạn đã gửi nhiều câu hỏi trong một giờ qua" in refused.content.decode()
    assert LegalQuestion.objects.count() == 2
    other = client.post(ASK_URL, valid_question(topic), REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302
    time_machine.move_to("2026-06-01 09:00:01+07:00", tick=False)
    assert client.post(ASK_URL, valid_question(topic)).status_code == 302


def test_the_form_needs_its_csrf_token(archive, topic):
    response = Client(enforce_csrf_checks=True).post(ASK_URL, valid_question(topic))
    assert response.status_code == 403
    assert not LegalQuestion.objects.exists()


def test_only_published_answers_are_public_and_never_the_askers_details(client, archive, topic):
    published = LegalQuestionFactory(
        topic=topic, published=True, asker_name="Trần Văn Khải", email="khai@example.vn"
    )
    waiting = LegalQuestionFactory(
        topic=topic,
        asker_name="Lê Thị Bí Mật",
        email="bimat@example.vn",
        question="Câu hỏi riêng tư chưa trả lời về hợp đồng của tôi",
        status=LegalQuestion.Status.ANSWERED,
        title="Tiêu đề chưa công bố",
        public_question="Câu hỏi chưa công bố",
    )
    listing = client.get("/hoi-dap-phap-luat/").content.decode()
    assert published.title in listing
    detail = client.get(f"/hoi-dap-phap-luat/{published.pk}/")
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "Bạn đọc hỏi" in page
    assert published.public_question in page
    for text in (listing, page):
        for private in ("Trần Văn Khải", "khai@example.vn", published.question, "Tiêu đề chưa"):
            assert private not in text
    assert client.get(f"/hoi-dap-phap-luat/{waiting.pk}/").status_code == 404
    assert client.get(f"/hoi-dap/{waiting.pk}/").status_code == 404
    assert client.get(f"/hoi-dap/{published.pk}/")["Location"] == (
        f"/hoi-dap-phap-luat/{published.pk}/"
    )


def test_an_answer_links_the_documents_it_cites(client, archive, topic):
    document = LegalDocumentFactory(code="45/2019/QH14", summary="Bộ luật Lao động")
    question = LegalQuestionFactory(
        topic=topic,
        published=True,
        answer="<p>Theo Điều 139 Bộ luật Lao động 45/2019/QH14, lao động nữ được nghỉ.</p>",
    )
    page = client.get(f"/hoi-dap-phap-luat/{question.pk}/").content.decode()
    assert f'href="{document.get_absolute_url()}"' in page


def test_the_archive_is_searched_without_marks_and_filtered_by_topic(client, archive, topic):
    insurance = QuestionTopicFactory(name="Bảo hiểm xã hội")
    LegalQuestionFactory(
        topic=insurance,
        published=True,
        title="Nghỉ việc có được rút bảo hiểm xã hội một lần?",
        public_question="Tôi nghỉ việc, có được nhận bảo hiểm xã hội một lần không?",
        answer="<p>Được, nếu đã đóng trước ngày luật mới có hiệu lực.</p>",
    )
    LegalQuestionFactory(topic=topic, published=True, title="Lương tối thiểu vùng năm nay")
    found = client.get("/hoi-dap-phap-luat/", {"q": "bao hiem mot lan"}).content.decode()
    assert "Nghỉ việc có được rút bảo hiểm xã hội một lần?" in found
    assert "Lương tối thiểu vùng năm nay" not in found
    by_topic = client.get("/hoi-dap-phap-luat/", {"topic": topic.slug}).content.decode()
    assert "Lương tối thiểu vùng năm nay" in by_topic
    assert "Nghỉ việc có được rút" not in by_topic
    nothing = client.get("/hoi-dap-phap-luat/", {"q": "thai sản"}).content.decode()
    assert "Không có câu trả lời nào khớp với tìm kiếm này." in nothing


def test_published_answers_show_in_the_site_search(client, archive, topic):
    published = LegalQuestionFactory(topic=topic, published=True, title="Công ty chậm trả lương")
    waiting = LegalQuestionFactory(
        topic=topic,
        status=LegalQuestion.Status.ANSWERED,
        title="Chậm trả lương chưa công bố",
        public_question="Chậm trả lương",
    )
    page = client.get("/tim-kiem/", {"q": "cham tra luong"}).content.decode()
    assert "1 kết quả cho “cham tra luong”" in page
    assert f'href="/hoi-dap/{published.pk}/"' in page
    assert "Công ty <mark>chậm trả lương</mark>" in page
    assert f"/hoi-dap/{waiting.pk}/" not in page
    assert "chưa công bố" not in page


def test_page_cache_keeps_the_archive_and_answers_not_the_form(client, archive, topic, settings):
    settings.PAGE_CACHE_ENABLED = True
    question = LegalQuestionFactory(topic=topic, published=True)
    for url in ("/hoi-dap-phap-luat/", f"/hoi-dap-phap-luat/{question.pk}/"):
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
    for _ in range(2):
        assert client.get(ASK_URL)["X-Page-Cache"] == "bypass"
    assert client.get("/hoi-dap-phap-luat/", {"q": "lương"})["X-Page-Cache"] == "bypass"


def test_a_new_question_leaves_the_cache_but_publishing_refreshes_it(
    client, archive, topic, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    question = LegalQuestionFactory(topic=topic, published=True)
    client.get("/hoi-dap-phap-luat/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ASK_URL, valid_question(topic))
    client.get(ASK_URL)  # shows the thank-you message (a flash message bypasses the cache)
    # A browser drops the emptied message cookie; the test client would send it on.
    client.cookies.pop("messages")
    assert client.get("/hoi-dap-phap-luat/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        question.unpublish()
        question.save()
    listing = client.get("/hoi-dap-phap-luat/")
    assert listing["X-Page-Cache"] == "miss"
    assert question.title not in listing.content.decode()


@pytest.mark.postgres
def test_archive_and_answer_pages_within_the_query_budget(client, archive, topic):
    questions = [LegalQuestionFactory(topic=topic, published=True) for _ in range(12)]
    for url in ("/hoi-dap-phap-luat/", f"/hoi-dap-phap-luat/{questions[0].pk}/", ASK_URL):
        measured = warm_queries(client, url)
        assert measured.count <= MAX_QUERIES, f"{url}: {measured.count}\n{measured.sql}"
