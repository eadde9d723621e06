from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import BotTrapForm, SingleLineCharField, SingleLineEmailField

MESSAGE_MAX_LENGTH = 500
SENDER_NAME_MAX_LENGTH = 60


class SendArticleForm(BotTrapForm):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built per form, so it is in the reader's language (a lazy string cannot be %-formatted).
        self.fields["message"].help_text = gettext("Plain text, at most %(limit)s characters.") % {
            "limit": MESSAGE_MAX_LENGTH
        }
