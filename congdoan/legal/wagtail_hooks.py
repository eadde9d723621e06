from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet

from .admin_views import LegalLibraryViewSetGroup, export_draft_comments
from .models import LegalDocument

register_snippet(LegalLibraryViewSetGroup)


@hooks.register("register_admin_urls")
def draft_comment_urls():
    return [
        path(
            "legal/draft-comments/<int:pk>.xlsx",
            export_draft_comments,
            name="legal_draft_comments_xlsx",
        )
    ]


@hooks.register("register_bulk_action")
class ExtractAgainBulkAction(SnippetBulkAction):
    """Read the full text of the chosen documents' files again (after a failure, say)."""

    display_name = _("Extract full text again")
    action_type = "extract_text"
    aria_label = _("Extract the full text of the selected documents again")
    template_name = "legal/admin/confirm_extract.html"
    action_priority = 50
    models = [LegalDocument]

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", snippet
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        from .tasks import extract_document_text

        for document in objects:
            extract_document_text.enqueue(document.pk)
        return len(objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Full-text extraction queued for %(count)d document.",
            "Full-text extraction queued for %(count)d documents.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
