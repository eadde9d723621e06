from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task(queue_name="mail")
def send_reminder_email(subject: str, text: str, recipient: str) -> None:
    """Send one deadline reminder, rendered in Vietnamese when it was queued."""
    EmailMessage(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        headers={"Auto-Submitted": "auto-generated"},
    ).send()
