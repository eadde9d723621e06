"""The admin's *Hỏi đáp pháp luật* menu: questions with their review state, and topics."""

import pytest

from congdoan.questions.factories import LegalQuestionFactory

pytestmark = pytest.mark.django_db


def test_the_question_list_and_edit_form_render_in_vietnamese(admin_client):
    question = LegalQuestionFactory(asker_name="Phạm Minh Đức")
    listing = admin_client.get("/admin/snippets/questions/legalquestion/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Phạm Minh Đức" not in html  # the list names questions, not askers
    assert question.question[:40] in html
    assert "Mới" in html
    edit = admin_client.get(f"/admin/snippets/questions/legalquestion/edit/{question.pk}/")
    assert edit.status_code == 200
    page = edit.content.decode()
    assert "Phạm Minh Đức" in page
    assert "Gửi câu trả lời của tôi để người thứ hai duyệt" in page
    assert admin_client.get("/admin/snippets/questions/questiontopic/").status_code == 200
