from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask


class NewsroomApprovalTask(AbstractGroupApprovalTask):
    """A group approval step that nobody can carry out on their own submission.

    Wagtail's group approval lets every member of the step's groups (and every superuser)
    approve; in a newsroom the person who submitted a story must never be the one who approves
    it, at any step. The submitter keeps what everyone outside the groups has: no actions, and
    the page locked to them while it waits.
    """

    @staticmethod
    def is_submitter(obj, user) -> bool:
        workflow_state = obj.current_workflow_state if obj is not None else None
        return workflow_state is not None and workflow_state.requested_by_id == user.pk

    def user_can_access_editor(self, obj, user):
        return not self.is_submitter(obj, user) and super().user_can_access_editor(obj, user)

    def locked_for_user(self, obj, user):
        return self.is_submitter(obj, user) or super().locked_for_user(obj, user)

    def user_can_lock(self, obj, user):
        return not self.is_submitter(obj, user) and super().user_can_lock(obj, user)

    def get_actions(self, obj, user):
        if self.is_submitter(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin views ask get_actions() first; this also guards any other caller.
        if task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionDenied("The submitter cannot act on their own submission.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve this step; nobody approves their own submission"
        )

    class Meta:
        verbose_name = _("newsroom approval step")
        verbose_name_plural = _("newsroom approval steps")


@register_setting(icon="group")
class NewsroomSettings(BaseGenericSetting):
    """Where member submissions (*Gửi tin*) arrive: contributors may write there only."""

    member_news_section = models.ForeignKey(
        "news.SectionPage",
        verbose_name=_("section for member news"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Stories sent with the “Gửi tin” form arrive here as drafts; contributors may "
            "create drafts in this section only."
        ),
    )

    panels = [FieldPanel("member_news_section")]

    class Meta:
        verbose_name = _("newsroom")
