import factory
import wagtail_factories
from django.utils import timezone

from .models import LegalQuestion, QuestionArchivePage, QuestionTopic


class QuestionTopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chủ đề {n}")

    class Meta:
        model = QuestionTopic
        django_get_or_create = ("name",)


class QuestionArchivePageFactory(wagtail_factories.PageFactory):
    title = "Hỏi đáp pháp luật"
    slug = "hoi-dap-phap-luat"

    class Meta:
        model = QuestionArchivePage


class LegalQuestionFactory(factory.django.DjangoModelFactory):
    """A question as a reader sends it (status new)."""

    topic = factory.SubFactory(QuestionTopicFactory)
    asker_name = "Nguyễn Văn Bình"
    email = factory.Sequence(lambda n: f"doc-gia-{n}@example.vn")
    question = "Công ty trả lương chậm hai tháng thì tôi phải làm gì để đòi quyền lợi?"
    consent_to_publish = True

    class Meta:
        model = LegalQuestion

    class Params:
        published = factory.Trait(
            status=LegalQuestion.Status.PUBLISHED,
            title="Công ty trả lương chậm thì người lao động làm gì?",
            public_question="Công ty trả lương chậm hai tháng thì tôi làm gì?",
            answer="<p>Theo Điều 94 Bộ luật Lao động, lương phải trả đúng hạn.</p>",
            answered_at=factory.LazyFunction(timezone.now),
            published_at=factory.LazyFunction(timezone.now),
        )
