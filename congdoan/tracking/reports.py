"""What a periodic report of a program says, whatever its format (DOCX, XLSX).

A report covers a program and a date range (6 months, a year, any range). Every task of the
program is counted as it stood on the last day of the range (`status_of(task, on=date_to)`), so
a report for a past period says what the reports entered up to that day said, not what is
known today. The range's first day bounds what happened *in* the period: the progress reports
entered and the tasks completed between the two dates.

`build_report` reads the program's tasks and their reports in a fixed number of queries and
returns plain data (`ProgramReport`) that `report_docx` and `report_xlsx` lay out; labels are
in the active language, so callers build it under `translation.override("vi")`.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.core.dates import format_date_vn
from congdoan.core.models import SiteSettings
from congdoan.core.text import vietnamese_slugify

from .models import Program, ProgressReport, Task
from .status import TaskStatus, completed_on, latest_report, status_of, with_reports

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
REPORT_FORMATS = ("docx", "xlsx")


@dataclass(frozen=True)
class StatusLine:
    """How many tasks are in one status, and their share of all tasks (0–100, one decimal)."""

    status: TaskStatus
    label: str
    count: int
    percent: float


@dataclass(frozen=True)
class TaskLine:
    """One task as the report shows it: status and latest progress on the range's last day."""

    number: int
    title: str
    lead_unit: str
    deadline: datetime.date
    status: TaskStatus
    status_label: str
    percent: int
    latest_on: datetime.date | None
    latest_text: str
    overdue_reason: str


@dataclass(frozen=True)
class UnitSection:
    """The tasks one unit leads (*chủ trì*), in the program's order."""

    unit: str
    tasks: list[TaskLine]


@dataclass(frozen=True)
class ReportHeading:
    """The administrative form's parts (NĐ 30/2020/NĐ-CP): who issues, where, when, who signs."""

    governing_body: str
    issuing_unit: str
    number: str
    place_and_date: str
    subject: str
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: list[str]


@dataclass(frozen=True)
class ProgramReport:
    program: Program
    date_from: datetime.date
    date_to: datetime.date
    heading: ReportHeading
    summary: list[StatusLine]
    total: int
    units: list[UnitSection]
    overdue: list[TaskLine]
    reports_in_period: int
    completed_in_period: int


def parse_report_date(text: str) -> datetime.date:
    """`2021-11-30` or `30/11/2021` as a date; ValidationError in Vietnamese otherwise."""
    value = (text or "").strip()
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValidationError(
        _("“%(value)s” is not a date: write it as YYYY-MM-DD or dd/mm/yyyy.") % {"value": value}
    )


def find_program(value: str) -> Program:
    """The program whose code is `value` (any case), else whose id it is; ValidationError."""
    value = (value or "").strip()
    program = Program.objects.filter(code__iexact=value).first()
    if program is None and value.isdigit():
        program = Program.objects.filter(pk=int(value)).first()
    if program is None:
        raise ValidationError(
            _("There is no program with the code or id “%(value)s”.") % {"value": value}
        )
    return program


def check_range(date_from: datetime.date, date_to: datetime.date) -> None:
    if date_from > date_to:
        raise ValidationError(
            _("The start date %(start)s is after the end date %(end)s.")
            % {"start": format_date_vn(date_from), "end": format_date_vn(date_to)}
        )


def vietnamese_date_line(place: str, day: datetime.date) -> str:
    """`Bắc Ninh, ngày 30 tháng 11 năm 2021`: NĐ 30 writes days below 10 and months below 3
    with a leading zero (`ngày 05 tháng 02`)."""
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    line = _("day %(day)s month %(month)s year %(year)s") % {
        "day": day_text,
        "month": month_text,
        "year": day.year,
    }
    return f"{place}, {line}" if place else line[:1].upper() + line[1:]


def _heading(program: Program, date_from, date_to, issued_on) -> ReportHeading:
    site_settings = SiteSettings.objects.order_by("pk").first()
    organization = site_settings.organization_name if site_settings else ""
    owner = program.owner_unit
    issuing_unit = program.report_issuing_unit or organization or owner.name
    governing_body = program.report_governing_body or (owner.parent.name if owner.parent else "")
    recipients = [line.strip() for line in program.report_recipients.splitlines() if line.strip()]
    if not any(line.casefold().startswith("lưu") for line in recipients):
        recipients.append(_("Archive: VT, %(unit)s.") % {"unit": owner.short_name or owner.name})
    return ReportHeading(
        governing_body=governing_body.upper(),
        issuing_unit=issuing_unit.upper(),
        number=_("No.:      /%(code)s") % {"code": program.report_code or "BC"},
        place_and_date=vietnamese_date_line(program.report_place, issued_on),
        subject=_("Results of carrying out %(program)s from %(start)s to %(end)s")
        % {
            "program": program.name,
            "start": format_date_vn(date_from),
            "end": format_date_vn(date_to),
        },
        signer_authority=program.report_signer_authority.upper(),
        signer_title=program.report_signer_title.upper(),
        signer_name=program.report_signer_name,
        recipients=recipients,
    )


def _task_line(number: int, task: Task, on: datetime.date) -> TaskLine:
    status = status_of(task, on)
    latest = latest_report(task, on)
    return TaskLine(
        number=number,
        title=task.title,
        lead_unit=task.lead_unit.name,
        deadline=task.deadline,
        status=status,
        status_label=str(status.label),
        percent=latest.percent if latest else 0,
        latest_on=latest.reported_on if latest else None,
        latest_text=latest.text if latest else "",
        overdue_reason=task.overdue_reason.strip(),
    )


def build_report(
    program: Program,
    date_from: datetime.date,
    date_to: datetime.date,
    issued_on: datetime.date | None = None,
) -> ProgramReport:
    """The report of `program` for the days `date_from` to `date_to` (both included), dated
    `issued_on` (default: today). Four queries whatever the number of tasks."""
    check_range(date_from, date_to)
    tasks = list(
        with_reports(
            Task.objects.filter(program=program)
            .select_related("lead_unit")
            .order_by("lead_unit__order", "lead_unit__name", "lead_unit_id", "order", "deadline")
        )
    )
    counts = dict.fromkeys(TaskStatus, 0)
    units: list[UnitSection] = []
    overdue: list[TaskLine] = []
    completed_in_period = 0
    for number, task in enumerate(tasks, start=1):
        line = _task_line(number, task, date_to)
        counts[line.status] += 1
        if not units or units[-1].unit != line.lead_unit:
            units.append(UnitSection(unit=line.lead_unit, tasks=[]))
        units[-1].tasks.append(line)
        if line.status == TaskStatus.OVERDUE:
            overdue.append(line)
        done_on = completed_on(task, date_to)
        if done_on is not None and done_on >= date_from:
            completed_in_period += 1
    overdue = [
        TaskLine(**{**line.__dict__, "number": number})
        for number, line in enumerate(sorted(overdue, key=lambda t: (t.deadline, t.number)), 1)
    ]
    total = len(tasks)
    summary = [
        StatusLine(
            status=status,
            label=str(status.label),
            count=counts[status],
            percent=round(100 * counts[status] / total, 1) if total else 0.0,
        )
        for status in TaskStatus
    ]
    reports_in_period = ProgressReport.objects.filter(
        task__program=program, reported_on__range=(date_from, date_to)
    ).count()
    return ProgramReport(
        program=program,
        date_from=date_from,
        date_to=date_to,
        heading=_heading(program, date_from, date_to, issued_on or timezone.localdate()),
        summary=summary,
        total=total,
        units=units,
        overdue=overdue,
        reports_in_period=reports_in_period,
        completed_in_period=completed_in_period,
    )


def report_file_name(program: Program, date_from, date_to, file_format: str) -> str:
    """`bao-cao-CTHD-02-2021-07-01-2021-12-31.docx` (ASCII: safe in every download header)."""
    code = vietnamese_slugify(program.code).upper() or str(program.pk)
    return f"bao-cao-{code}-{date_from:%Y-%m-%d}-{date_to:%Y-%m-%d}.{file_format}"


def render_report(report: ProgramReport, file_format: str) -> bytes:
    """The report as the bytes of a .docx or .xlsx file."""
    if file_format == "docx":
        from .report_docx import render_docx

        return render_docx(report)
    if file_format == "xlsx":
        from .report_xlsx import render_xlsx

        return render_xlsx(report)
    raise ValueError(f"unknown report format {file_format!r}")
