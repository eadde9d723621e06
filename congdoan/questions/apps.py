from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from congdoan.core.registry import PortalContributions


class QuestionsConfig(AppConfig):
    """*Hỏi đáp pháp luật*: readers ask, staff answer through a two-person review, chosen answers
    are published in a searchable archive page."""

    name = "congdoan.questions"
    label = "questions"
    verbose_name = _("Legal questions")
    portal = PortalContributions(
        stylesheets=("questions/questions.css",),
        demo_loader="congdoan.questions.demo.load",
    )

    def ready(self):
        from congdoan.core import content_version

        from . import signals
        from .models import QuestionTopic

        # Topics name the archive's filter. Questions bump the generation themselves, and only
        # when a published one changes: a reader's new question shows nowhere public.
        content_version.watch(QuestionTopic)
        signals.connect()
