"""The tracker's admin forms: filtering the task list, and adding a progress report."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import EVIDENCE_EXTENSIONS, ProgressReport, Task
from .permissions import visible_programs, visible_units
from .status import TaskStatus

# Dates as offices type them (dd/mm/yyyy) and as the browser's date picker sends them.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
EVIDENCE_MAX_MB = 20
SEARCH_MAX_LENGTH = 200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TaskFilterForm(forms.Form):
    """The task list's filters; every field optional, choices limited to what the user sees."""

    q = forms.CharField(
        label=pgettext_lazy("tracker", "Search"), required=False, max_length=SEARCH_MAX_LENGTH
    )
    program = forms.ModelChoiceField(
        label=pgettext_lazy("tracker", "Program"),
        queryset=None,
        required=False,
        empty_label=_("All programs"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit (lead or cooperating)"),
        queryset=None,
        required=False,
        empty_label=_("All units"),
    )
    status = forms.ChoiceField(label=pgettext_lazy("tracker", "Status"), required=False)
    priority = forms.ChoiceField(label=pgettext_lazy("tracker", "Priority"), required=False)
    deadline_from = forms.DateField(
        label=_("Deadline from"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=DateInput(),
    )
    deadline_to = forms.DateField(
        label=_("Deadline to"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DateInput()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = visible_programs(user)
        self.fields["unit"].queryset = visible_units(user)
        self.fields["status"].choices = [("", _("All statuses")), *TaskStatus.choices]
        self.fields["priority"].choices = [("", _("All priorities")), *Task.Priority.choices]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("deadline_from"), cleaned.get("deadline_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The first date must not be after the second."))
        return cleaned


class ProgressReportForm(forms.ModelForm):
    """A unit's report on a task: only the units the user may report for are offered."""

    class Meta:
        model = ProgressReport
        fields = ["unit", "reported_on", "percent", "text", "evidence"]
        widgets = {
            "reported_on": DateInput(),
            "percent": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
            "text": forms.Textarea(attrs={"rows": 4}),
            "evidence": forms.ClearableFileInput(
                attrs={"accept": ",".join(f".{ext}" for ext in EVIDENCE_EXTENSIONS)}
            ),
        }
        # Django's Vietnamese catalogue lacks some of these: say them ourselves.
        error_messages = {
            "unit": {"invalid_choice": _("Choose one of the units you report for.")},
            "percent": {
                "min_value": _("The percent done is a whole number from 0 to 100."),
                "max_value": _("The percent done is a whole number from 0 to 100."),
                "invalid": _("The percent done is a whole number from 0 to 100."),
            },
            "evidence": {
                "invalid_extension": _(
                    "This kind of file cannot be attached. Allowed: PDF, Word, Excel, ODT, "
                    "JPEG, PNG."
                )
            },
        }

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["unit"].empty_label = None
        self.fields["reported_on"].input_formats = DATE_INPUT_FORMATS
        self.fields["reported_on"].initial = timezone.localdate

    def clean_reported_on(self):
        reported_on = self.cleaned_data["reported_on"]
        if reported_on > timezone.localdate():
            raise forms.ValidationError(_("A report cannot be dated in the future."))
        return reported_on

    def clean_evidence(self):
        evidence = self.cleaned_data.get("evidence")
        if evidence and getattr(evidence, "size", 0) > EVIDENCE_MAX_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is larger than %(size)d MB.") % {"size": EVIDENCE_MAX_MB}
            )
        return evidence
