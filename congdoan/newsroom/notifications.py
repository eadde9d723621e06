"""Wagtail's workflow notifications, sent through the `mail` task queue.

Wagtail emails reviewers and submitters while the editor's request is being answered, over one
SMTP connection: a slow mail server would hold up "Gửi duyệt". The notifiers below keep
Wagtail's recipients, templates and translations (each email is rendered in the recipient's
language, Vietnamese by default, with links to `WAGTAILADMIN_BASE_URL`, the site's URL) and
only hand each rendered email to `send_notification_email`, run by the `mail` worker.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override
from wagtail.admin import mail as wagtail_mail
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from congdoan.newsroom.tasks import send_notification_email


class QueuedEmailMixin:
    def send_emails(self, template_set, context, recipients, **kwargs):
        for recipient in recipients:
            context["user"] = recipient
            with override(recipient.wagtail_userprofile.get_preferred_language()):
                subject = render_to_string(template_set["subject"], context).strip()
                text = render_to_string(template_set["text"], context).strip()
                html = (
                    render_to_string(template_set["html"], context)
                    if getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
                    else ""
                )
            send_notification_email.enqueue(
                subject=" ".join(subject.split()), text=text, html=html, recipient=recipient.email
            )
        return True


class TaskSubmittedNotifier(
    QueuedEmailMixin, wagtail_mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmittedNotifier(
    QueuedEmailMixin, wagtail_mail.WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowApprovedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateApprovalEmailNotifier):
    pass


class WorkflowRejectedNotifier(QueuedEmailMixin, wagtail_mail.WorkflowStateRejectionEmailNotifier):
    pass


# (signal, sender, the dispatch uid Wagtail connects its notifier with, our notifier)
REPLACEMENTS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmittedNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmittedNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovedNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectedNotifier(),
    ),
)


def connect() -> None:
    """Replace Wagtail's notifiers by the queued ones (same signals, same dispatch uids)."""
    for signal, sender, dispatch_uid, receiver in REPLACEMENTS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
