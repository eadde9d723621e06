from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .admin_forms import LegalQuestionAdminForm
from .models import LegalQuestion, QuestionTopic


class LegalQuestionViewSet(SnippetViewSet):
    model = LegalQuestion
    icon = "help"
    menu_label = _("Questions")
    list_display = [
        "__str__",
        Column("topic", label=_("topic")),
        Column("get_status_display", label=_("status"), sort_key="status"),
        Column("assigned_to", label=_("assigned to")),
        Column("answer_drafted_by", label=_("answer drafted by")),
        Column("answer_approved_by", label=_("answer approved by")),
        Column("reply_sent_at", label=_("reply emailed")),
        "created_at",
    ]
    list_filter = ["status", "topic", "consent_to_publish"]
    # The admin searches what askers wrote too (the public search sees published text only).
    search_fields = ["question", "title", "asker_name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("topic"), FieldPanel("asker_name")]),
                    FieldPanel("email"),
                    FieldPanel("question"),
                    FieldPanel("consent_to_publish"),
                ],
                heading=_("Question received (never published)"),
            ),
            FieldRowPanel([FieldPanel("status", read_only=True), FieldPanel("assigned_to")]),
            FieldPanel("answer"),
            MultiFieldPanel(
                [FieldPanel("title"), FieldPanel("public_question")],
                heading=_("For the public archive"),
            ),
            FieldPanel("staff_note"),
            FieldPanel("workflow_action"),
        ],
        base_form_class=LegalQuestionAdminForm,
    )


class QuestionTopicViewSet(SnippetViewSet):
    model = QuestionTopic
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    search_backend_name = None


class QuestionsViewSetGroup(SnippetViewSetGroup):
    items = (LegalQuestionViewSet, QuestionTopicViewSet)
    menu_icon = "help"
    menu_label = _("Legal Q&A")
    menu_name = "legal-questions"
    menu_order = 260


register_snippet(QuestionsViewSetGroup)
