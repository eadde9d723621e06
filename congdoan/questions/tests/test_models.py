"""The answer workflow: drafted by one person, approved by another editor, emailed through the
mail queue, published only with the asker's consent and the public texts written."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from congdoan.core.models import Role
from congdoan.core.permissions import CHIEF_EDITOR, EDITOR
from congdoan.legal.factories import LegalDocumentFactory
from congdoan.questions.factories import LegalQuestionFactory
from congdoan.questions.models import LegalQuestion
from congdoan.questions.tasks import send_answer_email

pytestmark = pytest.mark.django_db

ANSWER = "<p>Theo Điều 94 Bộ luật Lao động 45/2019/QH14, lương phải trả đúng hạn.</p>"


def member_of(django_user_model, username, code):
    user = django_user_model.objects.create_user(username, password="x" * 12)
    group = Group.objects.get(role__code=code) if Role.objects.filter(code=code).exists() else None
    if group is None:
        group = Group.objects.create(name=username)
        Role.objects.create(code=code, group=group)
    user.groups.add(group)
    return user


@pytest.fixture
def drafter(django_user_model):
    return member_of(django_user_model, "bientap", EDITOR)


@pytest.fixture
def reviewer(django_user_model):
    return member_of(django_user_model, "tongbientap", CHIEF_EDITOR)


def submitted(drafter):
    question = LegalQuestionFactory(answer=ANSWER)
    question.submit_answer(drafter)
    question.save()
    return question


def test_nobody_approves_their_own_answer(drafter):
    question = submitted(drafter)
    with pytest.raises(ValidationError) as refused:
        question.approve_answer(drafter)
    assert refused.value.messages == ["Không ai được tự duyệt câu trả lời do chính mình soạn."]
    assert question.status == LegalQuestion.Status.ASSIGNED


def test_only_editors_approve(drafter, django_user_model):
    question = submitted(drafter)
    outsider = django_user_model.objects.create_user("congtacvien", password="x" * 12)
    with pytest.raises(PermissionDenied):
        question.approve_answer(outsider)


def test_an_approved_answer_is_emailed_once_through_the_mail_queue(
    drafter, reviewer, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://congdoan.example.vn"
    document = LegalDocumentFactory(code="45/2019/QH14", summary="Bộ luật Lao động")
    question = submitted(drafter)
    with django_capture_on_commit_callbacks(execute=True):
        question.approve_answer(reviewer)
        question.save()
    question.refresh_from_db()
    assert question.status == LegalQuestion.Status.ANSWERED
    assert question.answer_approved_by == reviewer
    assert question.reply_sent_at is not None
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [question.email]
    assert email.subject.startswith("Trả lời câu hỏi pháp luật của bạn")
    assert "lương phải trả đúng hạn" in email.body
    html = email.alternatives[0][0]
    assert f'href="https://congdoan.example.vn{document.get_absolute_url()}"' in html
    assert question.question in email.body
    send_answer_email.call(question_id=question.pk)
    assert len(mail.outbox) == 1


def test_the_answer_task_uses_the_mail_queue():
    assert send_answer_email.queue_name == "mail"


def test_publishing_needs_approval_consent_and_public_texts(drafter, reviewer):
    question = submitted(drafter)
    with pytest.raises(ValidationError):
        question.publish()
    question.approve_answer(reviewer)
    with pytest.raises(ValidationError) as refused:
        question.publish()
    assert refused.value.messages == [
        "Hãy viết tiêu đề công khai và câu hỏi đăng công khai trước khi đăng."
    ]
    question.title = "Chậm trả lương"
    question.public_question = "Công ty trả lương chậm thì làm gì?"
    question.consent_to_publish = False
    with pytest.raises(ValidationError) as refused:
        question.publish()
    assert refused.value.messages == ["Người hỏi không đồng ý đăng công khai."]
    question.consent_to_publish = True
    question.publish()
    assert question.status == LegalQuestion.Status.PUBLISHED
    assert question.published_at is not None


def test_an_empty_answer_cannot_be_sent_for_review(drafter):
    question = LegalQuestionFactory(answer="<p> </p>")
    with pytest.raises(ValidationError) as refused:
        question.submit_answer(drafter)
    assert refused.value.messages == ["Hãy viết câu trả lời trước khi gửi duyệt."]
