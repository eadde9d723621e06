"""The *Liên hệ* page: shows the contacts and the form, stores a message and queues its email."""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from congdoan.about.models import Department
from congdoan.core.client_ip import client_ip
from congdoan.core.form_limits import SubmissionLimitReached

from .forms import ContactForm
from .models import ContactMessage
from .tasks import send_contact_message

logger = logging.getLogger(__name__)

LIMIT_MESSAGES = {
    "ip": (None, _lazy("You have sent many messages in the last hour. Please try again later.")),
    "email": (
        "email",
        _lazy("Many messages came from this address in the last hour. Please try again later."),
    ),
}


def received_message(request, department, queued: bool) -> None:
    """Say what is true: the message is stored; it is forwarded only if its email was queued
    (the worker sends it later), otherwise staff read it in the admin."""
    values = {"department": department.name}
    if queued:
        text = _("Your message has been received and forwarded to %(department)s.") % values
    else:
        text = _("Your message has been received; %(department)s will read it.") % values
    messages.success(request, text)


def serve_contact_page(page, request):
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            if form.is_bot():
                received_message(request, data["department"], queued=True)
                return redirect(page.url)
            try:
                message = ContactMessage.objects.reserve(
                    client_ip(request),
                    department=data["department"],
                    name=data["name"],
                    email=data["email"],
                    phone=data["phone"],
                    subject=data["subject"],
                    message=data["message"],
                )
            except SubmissionLimitReached as refused:
                field, error = LIMIT_MESSAGES[refused.limit]
                form.add_error(field, error)
                status = 429
            else:
                try:
                    send_contact_message.enqueue(message_id=message.pk)
                except Exception:
                    logger.exception("Could not queue the email of contact message %s", message.pk)
                    queued = False
                else:
                    queued = True
                received_message(request, message.department, queued)
                return redirect(page.url)
    else:
        form = ContactForm()
    departments = (
        Department.objects.exclude(phone="", email="").filter(parent=None)
        if page.show_departments
        else []
    )
    return TemplateResponse(
        request,
        page.get_template(request),
        {**page.get_context(request), "form": form, "departments": departments},
        status=status,
    )
