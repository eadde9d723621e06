"""The periodic report as a spreadsheet: the same three tables as the Word report.

Sheets *Tổng hợp* (counts and shares by status), *Theo đơn vị* (tasks by lead unit) and
*Quá hạn* (overdue tasks and reasons). Cells keep their types so offices can sort and sum:
dates are dates (shown dd/mm/yyyy), counts and percents are numbers (a percent is 0–100).
"""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from congdoan.core.dates import format_date_vn

from .reports import ProgramReport

DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.0"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")


def new_sheet(workbook, title, columns, first=False):
    """A sheet with bold headers in its first row, frozen below them; `columns` are
    (header, width in characters)."""
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    for index, (header, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index, value=header)
        cell.font = BOLD
        cell.alignment = WRAP
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    return sheet


def append_row(sheet, values, date_columns=(), percent_columns=()):
    """Append a row of values; text is always text: openpyxl would store a title starting
    with `=` as a formula, which Excel would then run (formula injection)."""
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        cell.alignment = WRAP
        if isinstance(value, str) and value.startswith("="):
            cell.data_type = "s"
        if column in date_columns:
            cell.number_format = DATE_FORMAT
        if column in percent_columns:
            cell.number_format = PERCENT_FORMAT


def render_xlsx(report: ProgramReport) -> bytes:
    workbook = Workbook()
    summary = new_sheet(
        workbook,
        pgettext("report", "Summary"),
        [
            (pgettext("report", "Status"), 36),
            (pgettext("report", "Tasks"), 12),
            (pgettext("report", "Share (%)"), 12),
        ],
        first=True,
    )
    for line in report.summary:
        append_row(summary, [line.label, line.count, line.percent], percent_columns={3})
    append_row(
        summary,
        [pgettext("report", "Total"), report.total, 100.0 if report.total else 0.0],
        (),
        {3},
    )
    for cell in summary[summary.max_row]:
        cell.font = BOLD
    summary.append([])
    summary.append(
        [
            pgettext("report", "Period"),
            f"{format_date_vn(report.date_from)} – {format_date_vn(report.date_to)}",
        ]
    )
    summary.append([_("Progress reports in the period"), report.reports_in_period])
    summary.append([_("Tasks completed in the period"), report.completed_in_period])

    by_unit = new_sheet(
        workbook,
        pgettext("report", "By unit"),
        [
            (pgettext("report", "No."), 6),
            (pgettext("report", "Task"), 50),
            (pgettext("report", "Lead unit"), 28),
            (pgettext("report", "Deadline"), 12),
            (pgettext("report", "Status"), 28),
            (pgettext("report", "Latest progress (%)"), 12),
            (pgettext("report", "Latest report date"), 12),
            (pgettext("report", "Latest progress"), 50),
        ],
    )
    for section in report.units:
        for line in section.tasks:
            append_row(
                by_unit,
                [
                    line.number,
                    line.title,
                    line.lead_unit,
                    line.deadline,
                    line.status_label,
                    line.percent,
                    line.latest_on,
                    line.latest_text,
                ],
                date_columns={4, 7},
            )

    overdue = new_sheet(
        workbook,
        pgettext("report", "Overdue"),
        [
            (pgettext("report", "No."), 6),
            (pgettext("report", "Task"), 50),
            (pgettext("report", "Lead unit"), 28),
            (pgettext("report", "Deadline"), 12),
            (pgettext("report", "Latest progress (%)"), 12),
            (pgettext("report", "Reason"), 50),
        ],
    )
    for line in report.overdue:
        append_row(
            overdue,
            [
                line.number,
                line.title,
                line.lead_unit,
                line.deadline,
                line.percent,
                line.overdue_reason or _("No reason given yet."),
            ],
            date_columns={4},
        )

    workbook.properties.title = report.heading.subject
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
