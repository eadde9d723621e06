from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.about.models import Department
from congdoan.core.forms import BotTrapForm, SingleLineCharField, SingleLineEmailField

from .models import ContactMessage, validate_phone

NAME_MAX_LENGTH = ContactMessage._meta.get_field("name").max_length
SUBJECT_MAX_LENGTH = ContactMessage._meta.get_field("subject").max_length
PHONE_MAX_LENGTH = ContactMessage._meta.get_field("phone").max_length
MESSAGE_MAX_LENGTH = 3000
TOO_LONG = _("Too long: at most %(limit_value)d characters (it has %(show_value)d).")


class ContactForm(BotTrapForm):
    """*Liên hệ*: who writes, to which department, about what. Name, email, phone and subject
    refuse line breaks (they go into mail headers); the honeypot catches bots."""

    name = SingleLineCharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Please enter your name."), "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = SingleLineEmailField(
        label=_("Your email"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address so that we can reply."),
            "invalid": _("Please enter a valid email address, for example ten@example.com."),
            "max_length": TOO_LONG,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    phone = SingleLineCharField(
        label=_("Phone (optional)"),
        max_length=PHONE_MAX_LENGTH,
        required=False,
        validators=[validate_phone],
        error_messages={"max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.filter(receives_messages=True),
        empty_label=_("Choose a department"),
        error_messages={
            "required": _("Please choose the department your message is for."),
            "invalid_choice": _("Please choose one of the listed departments."),
        },
    )
    subject = SingleLineCharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX_LENGTH,
        error_messages={"required": _("Please enter a subject."), "max_length": TOO_LONG},
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        error_messages={"required": _("Please write your message."), "max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MESSAGE_MAX_LENGTH}),
    )
