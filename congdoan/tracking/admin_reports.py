"""Admin screens of the reports: *Tải báo cáo*, the task import and the task list export.

- *Tải báo cáo* (leaders: `tracking.view_all_tasks`): a form (program, from, to, format) that
  queues the report on the `reports` queue; the requester's own reports are listed below it,
  pending until the worker has produced them, then downloadable by that requester only.
- *Nhập nhiệm vụ* (leaders who may add tasks): an XLSX in the template's columns, imported all
  or nothing, with every wrong row named.
- *Xuất danh sách* (anyone who reaches the tracker): the tasks the user may see
  (`permissions.visible_tasks`), filtered by program, lead unit and status, as XLSX.
"""

import datetime

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .admin_views import forbidden
from .importing import WorkbookRefused, export_tasks, import_template
from .importing import import_tasks as import_task_sheet
from .models import Program, ReportDownload, Task, Unit
from .permissions import can_use_tracker, sees_all_tasks, visible_programs, visible_tasks
from .report_tasks import produce_report_file
from .status import TaskStatus, with_status

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# Produced reports are kept this long, then deleted when anyone asks for a new one.
REPORT_KEEP_DAYS = 7
LISTED_DOWNLOADS = 20


def can_request_reports(user) -> bool:
    return sees_all_tasks(user)


def can_import_tasks(user) -> bool:
    return sees_all_tasks(user) and user.has_perm("tracking.add_task")


def attachment(content: bytes, file_name: str, file_format: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _half_year_start(day: datetime.date) -> datetime.date:
    return day.replace(month=1 if day.month <= 6 else 7, day=1)


class ReportRequestForm(forms.Form):
    program = forms.ModelChoiceField(
        label=pgettext_lazy("report", "Program"), queryset=Program.objects.all(), empty_label=None
    )
    date_from = forms.DateField(
        label=pgettext_lazy("report", "From"), input_formats=DATE_INPUT_FORMATS
    )
    date_to = forms.DateField(label=pgettext_lazy("report", "To"), input_formats=DATE_INPUT_FORMATS)
    file_format = forms.ChoiceField(
        label=pgettext_lazy("report", "Format"),
        choices=[
            ("docx", gettext_lazy("Word (.docx), administrative form")),
            ("xlsx", gettext_lazy("Excel (.xlsx), tables")),
        ],
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return cleaned


def reports_view(request):
    """*Tải báo cáo*: ask for a report; list the requester's reports."""
    if not can_request_reports(request.user):
        return forbidden(request)
    if request.method == "POST":
        form = ReportRequestForm(request.POST)
        if form.is_valid():
            ReportDownload.objects.filter(
                requested_at__lt=timezone.now() - datetime.timedelta(days=REPORT_KEEP_DAYS)
            ).delete()
            download = ReportDownload.objects.create(
                requested_by=request.user,
                program=form.cleaned_data["program"],
                date_from=form.cleaned_data["date_from"],
                date_to=form.cleaned_data["date_to"],
                file_format=form.cleaned_data["file_format"],
            )
            transaction.on_commit(lambda: produce_report_file.enqueue(download.pk))
            messages.success(
                request,
                _("The report is being prepared; it will be listed below, ready to download."),
            )
            return redirect("tracking_reports")
    else:
        today = timezone.localdate()
        form = ReportRequestForm(
            initial={
                "program": Program.objects.first(),
                "date_from": _half_year_start(today).strftime("%d/%m/%Y"),
                "date_to": today.strftime("%d/%m/%Y"),
                "file_format": "docx",
            }
        )
    downloads = list(
        ReportDownload.objects.filter(requested_by=request.user)
        .select_related("program")
        .defer("content")[:LISTED_DOWNLOADS]
    )
    return TemplateResponse(
        request,
        "tracking/admin/reports.html",
        {
            "form": form,
            "downloads": downloads,
            "pending": any(d.state == ReportDownload.State.PENDING for d in downloads),
            "can_import": can_import_tasks(request.user),
        },
    )


def report_download_view(request, pk: int):
    """A produced report, for the user who asked for it only (anyone else: 404)."""
    if not can_request_reports(request.user):
        return forbidden(request)
    download = get_object_or_404(
        ReportDownload, pk=pk, requested_by=request.user, state=ReportDownload.State.READY
    )
    return attachment(bytes(download.content), download.file_name, download.file_format)


class TaskImportForm(forms.Form):
    program = forms.ModelChoiceField(
        label=pgettext_lazy("report", "Program"), queryset=Program.objects.all(), empty_label=None
    )
    file = forms.FileField(
        label=gettext_lazy("Task sheet (.xlsx)"),
        help_text=gettext_lazy("In the columns of the template; at most 2,000 tasks."),
    )


def import_view(request):
    """*Nhập nhiệm vụ*: add the tasks of a sheet to a program, all or none."""
    if not can_import_tasks(request.user):
        return forbidden(request)
    errors = []
    if request.method == "POST":
        form = TaskImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            program = form.cleaned_data["program"]
            try:
                report = import_task_sheet(upload, program)
            except WorkbookRefused as refusal:
                form.add_error("file", str(refusal))
            else:
                if report.errors:
                    errors = [str(error) for error in report.errors]
                    form.add_error(
                        "file",
                        _("Nothing was imported: correct the rows below and upload it again."),
                    )
                else:
                    messages.success(
                        request,
                        _("%(count)d tasks were added to %(program)s.")
                        % {"count": report.created, "program": program.code},
                    )
                    return redirect("tracking_import")
    else:
        form = TaskImportForm()
    return TemplateResponse(
        request, "tracking/admin/import.html", {"form": form, "row_errors": errors}
    )


def import_template_view(request):
    if not can_import_tasks(request.user):
        return forbidden(request)
    return attachment(import_template(), "mau-nhap-nhiem-vu.xlsx", "xlsx")


class TaskExportForm(forms.Form):
    program = forms.ModelChoiceField(
        label=pgettext_lazy("report", "Program"), queryset=Program.objects.all(), required=False
    )
    lead_unit = forms.ModelChoiceField(
        label=pgettext_lazy("report", "Lead unit"), queryset=Unit.objects.all(), required=False
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("report", "Status"),
        choices=[("", "---------"), *TaskStatus.choices],
        required=False,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].queryset = visible_programs(user)
        self.fields["lead_unit"].queryset = Unit.objects.filter(
            pk__in=visible_tasks(user).values("lead_unit")
        )

    def tasks(self, user):
        """The tasks `user` may see that match the filters, with their status today."""
        tasks = with_status(visible_tasks(user), timezone.localdate())
        data = self.cleaned_data
        if data.get("program"):
            tasks = tasks.filter(program=data["program"])
        if data.get("lead_unit"):
            tasks = tasks.filter(lead_unit=data["lead_unit"])
        if data.get("status"):
            tasks = tasks.filter(status=data["status"])
        return Task.objects.filter(pk__in=tasks.values("pk"))


def export_view(request):
    """*Xuất danh sách*: the filter form; with `download`, the filtered task list as a sheet
    the import reads back."""
    if not can_use_tracker(request.user):
        return forbidden(request)
    if "download" not in request.GET:
        form = TaskExportForm(user=request.user)
    else:
        form = TaskExportForm(request.GET, user=request.user)
        if form.is_valid():
            day = timezone.localdate()
            return attachment(
                export_tasks(form.tasks(request.user), day),
                f"danh-sach-nhiem-vu-{day:%Y-%m-%d}.xlsx",
                "xlsx",
            )
    return TemplateResponse(request, "tracking/admin/export.html", {"form": form})
