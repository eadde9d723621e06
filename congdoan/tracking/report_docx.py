"""The periodic report as a Word document, filled from the editable template by docxtpl.

docxtpl renders the template's `{{ … }}` fields and `{%tr … %}` loop rows with Jinja, so an
office can reword or restyle `templates/tracking/report_template.docx` in Word without code
(see `report_template` for the layout NĐ 30/2020/NĐ-CP asks). Everything the template shows is
prepared here as text: dates as dd/mm/yyyy, shares with a decimal comma.
"""

import io

from django.utils.translation import gettext as _
from docxtpl import DocxTemplate

from congdoan.core.dates import format_date_vn

from .report_template import TEMPLATE_PATH
from .reports import ProgramReport, TaskLine


def percent_text(value: float) -> str:
    """`33,3`: one decimal with the Vietnamese decimal comma, none for whole numbers."""
    text = f"{value:.1f}".replace(".", ",")
    return text.removesuffix(",0")


def _task(line: TaskLine) -> dict:
    return {
        "number": line.number,
        "title": line.title,
        "lead_unit": line.lead_unit,
        "deadline": format_date_vn(line.deadline),
        "status_label": line.status_label,
        "percent": line.percent,
        "reason": line.overdue_reason or _("No reason given yet."),
    }


def report_context(report: ProgramReport) -> dict:
    """What the template's fields are filled with."""
    heading = report.heading
    return {
        "governing_body": heading.governing_body,
        "issuing_unit": heading.issuing_unit,
        "number": heading.number,
        "place_and_date": heading.place_and_date,
        "subject": heading.subject,
        "signer_authority": heading.signer_authority,
        "signer_title": heading.signer_title,
        "signer_name": heading.signer_name,
        "recipients": heading.recipients,
        "date_from": format_date_vn(report.date_from),
        "date_to": format_date_vn(report.date_to),
        "total": report.total,
        "total_percent": "100" if report.total else "0",
        "reports_in_period": report.reports_in_period,
        "completed_in_period": report.completed_in_period,
        "summary": [
            {"label": line.label, "count": line.count, "percent": percent_text(line.percent)}
            for line in report.summary
        ],
        "units": [
            {"unit": section.unit, "tasks": [_task(line) for line in section.tasks]}
            for section in report.units
        ],
        "overdue": [_task(line) for line in report.overdue],
    }


def render_docx(report: ProgramReport, template_path=TEMPLATE_PATH) -> bytes:
    """The filled report as .docx bytes. Values are XML-escaped (autoescape), so a task
    titled `A & B <C>` stays text and cannot break the document."""
    template = DocxTemplate(template_path)
    template.render(report_context(report), autoescape=True)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()
