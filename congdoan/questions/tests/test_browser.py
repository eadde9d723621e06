"""Through the running portal in Chromium: a reader asks a question with the real form, then
votes in the side block's poll on the same page type, without any console error or CSP
violation."""

import pytest

from conftest import PHONE
from congdoan.polls.factories import PollFactory
from congdoan.polls.models import Vote
from congdoan.questions.factories import QuestionArchivePageFactory, QuestionTopicFactory
from congdoan.questions.models import LegalQuestion

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reader_asks_a_question_and_votes_in_the_side_block(live_server, home_page, open_page):
    QuestionArchivePageFactory(parent=home_page)
    QuestionTopicFactory(name="Bảo hiểm xã hội")
    poll = PollFactory(question="Bạn đã từng hỏi công đoàn về pháp luật lao động chưa?")
    page = open_page(PHONE)
    # Every step waits for the network to settle: the visitor beacon of each page must not reach
    # the live server (which shares the test's database connection) after the test.
    page.goto(f"{live_server.url}/hoi-dap-phap-luat/gui-cau-hoi/", wait_until="networkidle")
    page.get_by_label("Email nhận câu trả lời").fill("hoa@example.vn")
    page.get_by_label("Chủ đề").select_option(label="Bảo hiểm xã hội")
    page.get_by_label("Câu hỏi của bạn").fill(
        "Tôi nghỉ việc đã 12 tháng, có được nhận bảo hiểm xã hội một lần không?"
    )
    page.get_by_role("button", name="Gửi", exact=True).click()
    page.wait_for_load_state("networkidle")
    assert "Cảm ơn bạn. Câu hỏi đã được tiếp nhận" in page.locator("ul.messages").inner_text()
    question = LegalQuestion.objects.get()
    assert question.asker_name == ""
    assert question.consent_to_publish is False

    widget = page.locator(".widget-poll")
    widget.get_by_label("Có").check()
    widget.get_by_role("button", name="Bình chọn").click()
    page.wait_for_url(f"{live_server.url}{poll.get_absolute_url()}", wait_until="networkidle")
    assert "phiếu bình chọn đã được ghi nhận" in page.locator("main").inner_text()
    assert page.locator("main progress").count() == 2
    assert Vote.objects.filter(poll=poll).count() == 1
    page.problems.assert_none()
