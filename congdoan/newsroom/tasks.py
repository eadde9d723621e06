from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task(queue_name="mail")
def send_notification_email(subject: str, text: str, html: str, recipient: str) -> None:
    """Send one workflow notification, rendered (in the recipient's language) when it was
    queued. A failure fails the task, and the worker logs it."""
    email = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)
        or settings.DEFAULT_FROM_EMAIL,
        to=[recipient],
        headers={"Auto-Submitted": "auto-generated"},
    )
    if html:
        email.attach_alternative(html, "text/html")
    email.send()
