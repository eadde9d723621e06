import logging

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .models import ContactMessage
from .tasks import send_contact_reply

logger = logging.getLogger(__name__)


class ContactMessagePermissionPolicy(ModelPermissionPolicy):
    """Messages come only from the public form: nobody, superusers included, adds one here."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


# Registered before the viewset asks for the model's policy.
register_permission_policy(ContactMessage, ContactMessagePermissionPolicy(ContactMessage))


class ContactMessageEditView(EditView):
    """Saving a new or changed reply emails it to the sender (mail queue) and marks the
    message *Đã trả lời*."""

    def save_instance(self):
        stored_reply = (
            ContactMessage.objects.filter(pk=self.object.pk).values_list("reply", flat=True).first()
        )
        message = super().save_instance()
        if not message.reply.strip() or message.reply == stored_reply:
            return message
        message.record_reply(self.request.user)
        try:
            send_contact_reply.enqueue(message_id=message.pk)
        except Exception:
            logger.exception("Could not queue the reply to contact message %s", message.pk)
            messages.error(
                self.request,
                _("The reply is saved but could not be queued for sending: please send it again."),
            )
        else:
            messages.info(
                self.request,
                _("The reply will be emailed to %(email)s.") % {"email": message.email},
            )
        return message


class ContactMessageViewSet(SnippetViewSet):
    """*Thư liên hệ*: messages from the contact form, filtered by status and department."""

    model = ContactMessage
    icon = "mail"
    menu_label = _lazy("Contact messages")
    menu_order = 260
    add_to_admin_menu = True
    edit_view_class = ContactMessageEditView
    list_display = ["subject", "name", "department", "status", "created_at"]
    list_filter = ["status", "department"]
    search_fields = ["subject", "name", "email"]
    search_backend_name = None
    ordering = ["-created_at"]


register_snippet(ContactMessageViewSet)
