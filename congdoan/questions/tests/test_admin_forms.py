"""The workflow through the admin's edit view: one step per save, refused steps shown."""

import pytest
from django.core import mail

from conftest import force_login_verified
from congdoan.questions.factories import LegalQuestionFactory
from congdoan.questions.models import LegalQuestion

pytestmark = pytest.mark.django_db(transaction=False)

ANSWER = "<p>Theo Điều 96 Bộ luật Lao động, tiền lương phải trả đúng hạn.</p>"


def edit_url(question):
    return f"/admin/snippets/questions/legalquestion/edit/{question.pk}/"


def post_step(client, question, action, answer=None):
    """Post the edit form as shown, with `action` as the workflow step."""
    form = client.get(edit_url(question)).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if name == "answer":
            value = field.widget.format_value(answer if answer is not None else question.answer)
        if value is None or value is False:
            continue
        data[name] = "on" if value is True else value
    data["workflow_action"] = action
    return client.post(edit_url(question), data)


def test_a_second_person_approves_and_the_asker_gets_the_answer(
    client, django_user_model, django_capture_on_commit_callbacks
):
    drafter = django_user_model.objects.create_superuser("bientap", password="x" * 12)
    reviewer = django_user_model.objects.create_superuser("tongbientap", password="x" * 12)
    question = LegalQuestionFactory()
    force_login_verified(client, drafter)
    assert post_step(client, question, "submit", answer=ANSWER).status_code == 302
    question.refresh_from_db()
    assert question.answer_drafted_by == drafter
    assert question.status == LegalQuestion.Status.ASSIGNED

    own = post_step(client, question, "approve")
    assert own.status_code == 200
    assert "Không ai được tự duyệt câu trả lời do chính mình soạn." in own.content.decode()
    question.refresh_from_db()
    assert question.answered_at is None

    force_login_verified(client, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_step(client, question, "approve").status_code == 302
    question.refresh_from_db()
    assert question.status == LegalQuestion.Status.ANSWERED
    assert [email.to for email in mail.outbox] == [[question.email]]
