from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task


def _one_line(text: str) -> str:
    return " ".join(text.split())


@task(queue_name="mail")
def send_contact_message(message_id: int) -> int:
    """Email a *Liên hệ* message to its department's recipients (the sender as Reply-To);
    returns how many addresses it went to. A failure fails the task (logged); the message
    stays in the admin either way."""
    from .models import ContactMessage

    message = ContactMessage.objects.select_related("department").filter(pk=message_id).first()
    if message is None or message.department is None or not message.department.recipients():
        return 0
    recipients = message.department.recipients()
    admin_url = settings.WAGTAILADMIN_BASE_URL + reverse(
        "wagtailsnippets_contact_contactmessage:edit", args=[message.pk]
    )
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("[Contact] %(subject)s") % {"subject": message.subject}
        body = render_to_string(
            "contact/email/message.txt",
            {"message": message, "admin_url": admin_url},
        )
    EmailMessage(
        subject=_one_line(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[message.email],
    ).send()
    return len(recipients)


@task(queue_name="mail")
def send_contact_reply(message_id: int) -> bool:
    """Email the staff's reply to the sender of a *Liên hệ* message."""
    from .models import ContactMessage

    message = ContactMessage.objects.select_related("department").filter(pk=message_id).first()
    if message is None or not message.reply.strip():
        return False
    reply_to = message.department.recipients()[:1] if message.department else []
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Re: %(subject)s") % {"subject": message.subject}
        body = render_to_string("contact/email/reply.txt", {"message": message})
    EmailMessage(
        subject=_one_line(subject),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.email],
        reply_to=reply_to,
    ).send()
    return True
