from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from congdoan.news.models import SectionPage

from .kinds import available_kinds
from .text import clean_query

DATE_FORMAT = "%d/%m/%Y"


class QueryField(forms.CharField):
    """Whatever was typed: control characters and NUL bytes become spaces, never an error."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class VietnameseDateField(forms.DateField):
    default_error_messages = {
        "invalid": _("Enter a date as dd/mm/yyyy, for example 02/09/2024."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", [DATE_FORMAT])
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget",
            forms.DateInput(
                format=DATE_FORMAT,
                attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"},
            ),
        )
        super().__init__(**kwargs)


class SectionField(forms.ModelChoiceField):
    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not str(value).isdecimal() or len(str(value)) > 18:  # also keeps ids in 64 bits
            message = self.error_messages["invalid_choice"]
            raise forms.ValidationError(message, code="invalid_choice")
        return super().to_python(value)


class SearchForm(forms.Form):
    q = QueryField(label=_("Keywords"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    section = SectionField(
        label=pgettext_lazy("news section", "Section"),
        queryset=SectionPage.objects.none(),
        required=False,
        empty_label=_("All sections"),
        error_messages={"invalid_choice": _("This section does not exist.")},
    )
    date_from = VietnameseDateField(label=_("From date"))
    date_to = VietnameseDateField(label=_("To date"))
    exact = forms.BooleanField(
        label=_("Exactly as typed (no decoding, abbreviations or corrections)"), required=False
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything"))] + [
            (kind.key, kind.label) for kind in available_kinds()
        ]
        self.fields["kind"].error_messages["invalid_choice"] = _("Unknown kind of content.")
        self.fields["sort"].error_messages["invalid_choice"] = _("Unknown sort order.")
        self.fields["section"].queryset = SectionPage.objects.live().public().order_by("path")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date must not be before the start date."))
        cleaned["sort"] = cleaned.get("sort") or "relevance"
        return cleaned
