"""Building blocks of the public forms readers fill in: fields that refuse header-smuggling line
breaks, and a honeypot.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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


class BotTrapForm(forms.Form):
    """A form with a honeypot: `website` is hidden from people (CSS) and filled in by bots.

    Views answer a bot as if it had succeeded and store or send nothing (`is_bot`), so a bot
    learns nothing from the answer.
    """

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
