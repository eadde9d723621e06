from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 500
SENDER_NAME_MAX_LENGTH = 60


class SingleLineMixin:
    """Refuses line breaks and control characters: they would smuggle extra mail headers."""

    def to_python(self, value):
        if isinstance(value, str) and any(ord(char) < 32 or ord(char) == 127 for char in value):
            raise ValidationError(_("Line breaks are not allowed here."), code="line_break")
        return super().to_python(value)


class SingleLineCharField(SingleLineMixin, forms.CharField):
    pass


class SingleLineEmailField(SingleLineMixin, forms.EmailField):
    pass


class SendArticleForm(forms.Form):
    """ "Gửi bài viết": who receives the article, who sends it, an optional short note."""

    recipient = SingleLineEmailField(
        label=_("Recipient's email"),
        max_length=254,
        error_messages={
            "required": _("Please enter the recipient's email address."),
            "invalid": _("Please enter a valid email address, for example ten@example.com."),
            "max_length": _("This email address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    sender_name = SingleLineCharField(
        label=_("Your name"),
        max_length=SENDER_NAME_MAX_LENGTH,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Your name is too long: at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Your message is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": MESSAGE_MAX_LENGTH}),
    )
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
