import pytest

from congdoan.questions.factories import QuestionArchivePageFactory, QuestionTopicFactory


@pytest.fixture
def archive(home_page):
    page = QuestionArchivePageFactory(parent=home_page)
    return page


@pytest.fixture
def topic(db):
    return QuestionTopicFactory(name="Tiền lương")


def valid_question(topic, /, **changes):
    data = {
        "asker_name": "Nguyễn Thị Hoa",
        "email": "hoa@example.vn",
        "topic": str(topic.pk),
        "question": "Công ty trả lương thấp hơn lương tối thiểu vùng thì tôi phải làm gì?",
        "consent_to_publish": "on",
        "website": "",
    }
    return {**data, **changes}
