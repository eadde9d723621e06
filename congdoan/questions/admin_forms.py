"""The admin's edit form of a question: its fields plus one workflow step to take on saving."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class WorkflowAction:
    ASSIGN_TO_ME = "assign_to_me"
    SUBMIT = "submit"
    APPROVE = "approve"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    REJECT = "reject"

    choices = [
        ("", _("Only save")),
        (ASSIGN_TO_ME, _("Take this question (assign it to me)")),
        (SUBMIT, _("Send my answer for review by a second person")),
        (APPROVE, _("Approve the answer and email it to the asker")),
        (PUBLISH, _("Publish in the Q&A archive (without the asker's details)")),
        (UNPUBLISH, _("Withdraw from the archive")),
        (REJECT, _("Reject (no answer will be sent)")),
    ]


class LegalQuestionAdminForm(WagtailAdminModelForm):
    workflow_action = forms.ChoiceField(
        label=_("Workflow step"),
        choices=WorkflowAction.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "An answer is approved by someone other than the person who drafted it; only then "
            "is it emailed, and only approved answers of askers who agreed can be published."
        ),
    )

    def _post_clean(self):
        super()._post_clean()
        question = self.instance
        if "answer" in self.changed_data:
            if question.answered_at is not None:
                self.add_error(
                    "answer", _("The answer was approved and emailed; it can no longer be changed.")
                )
                return
            # A changed answer is a new draft: it must be sent for review again.
            question.answer_submitted_at = None
            question.answer_drafted_by = None
        action = self.cleaned_data.get("workflow_action")
        user = self.for_user
        try:
            if action == WorkflowAction.ASSIGN_TO_ME:
                question.assign(user)
            elif action == WorkflowAction.SUBMIT:
                question.submit_answer(user)
            elif action == WorkflowAction.APPROVE:
                question.approve_answer(user)
            elif action == WorkflowAction.PUBLISH:
                question.publish()
            elif action == WorkflowAction.UNPUBLISH:
                question.unpublish()
            elif action == WorkflowAction.REJECT:
                question.reject()
        except (ValidationError, PermissionDenied) as refused:
            message = refused.messages if isinstance(refused, ValidationError) else str(refused)
            self.add_error("workflow_action", message)
        if action != WorkflowAction.ASSIGN_TO_ME and "assigned_to" in self.changed_data:
            question.assign(question.assigned_to)
