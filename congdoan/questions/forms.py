from django import forms
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import BotTrapForm, SingleLineCharField, SingleLineEmailField

from .models import QuestionTopic

QUESTION_MAX_LENGTH = 3000
QUESTION_MIN_LENGTH = 20
NAME_MAX_LENGTH = 80
SEARCH_MAX_LENGTH = 200


class AskQuestionForm(BotTrapForm):
    """*Gửi câu hỏi*: the question, a topic, where to send the reply; the name is optional."""

    asker_name = SingleLineCharField(
        label=_("Your name (optional)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _("Your name is too long: at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = SingleLineEmailField(
        label=_("Email for the reply"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address: the answer is sent there."),
            "invalid": _("Please enter a valid email address, for example ten@example.com."),
            "max_length": _("This email address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=QuestionTopic.objects.all(),
        empty_label=_("Choose a topic"),
        error_messages={
            "required": _("Please choose a topic."),
            "invalid_choice": _("Please choose a topic from the list."),
        },
    )
    question = forms.CharField(
        label=_("Your question"),
        min_length=QUESTION_MIN_LENGTH,
        max_length=QUESTION_MAX_LENGTH,
        error_messages={
            "required": _("Please write your question."),
            "null_characters_not_allowed": _("The text holds characters not allowed."),
            "min_length": _(
                "Your question is too short: write at least %(limit_value)d characters."
            ),
            "max_length": _(
                "Your question is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": QUESTION_MAX_LENGTH}),
    )
    consent_to_publish = forms.BooleanField(
        label=_(
            "I agree that the question and its answer may be published without my name or email."
        ),
        required=False,
    )


class ArchiveFilterForm(forms.Form):
    """The archive's search box and topic filter (GET)."""

    q = forms.CharField(
        label=_("Search the answers"),
        max_length=SEARCH_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _("The search words are too long: at most %(limit_value)d characters."),
            "null_characters_not_allowed": _("The search words hold characters not allowed."),
        },
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=QuestionTopic.objects.all(),
        to_field_name="slug",
        empty_label=_("All topics"),
        required=False,
        error_messages={"invalid_choice": _("Please choose a topic from the list.")},
    )

    def is_filtered(self) -> bool:
        return self.is_valid() and bool(self.cleaned_data["q"] or self.cleaned_data["topic"])
