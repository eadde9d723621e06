"""Tasks in and out as spreadsheets, in the columns offices already keep.

Columns: STT, Nhiệm vụ, Mô tả, Đơn vị chủ trì, Đơn vị phối hợp (comma-separated), Thời hạn,
Mức độ ưu tiên, Sản phẩm, Nhiệm vụ cha (STT). Headers are found by their folded text in the
first rows of the first sheet, in any order; other columns (the export's status and progress)
are ignored.

An import is all or nothing: every row is checked first, and one wrong row imports nothing,
with every error reported by its row number in the sheet ("Dòng 7: không có đơn vị «Ban Tổ
chúc»"). The project's import runner (`core.jsonl_import`) commits JSON Lines line by line, so
it does not fit; its `LineFailure` and `ImportReport` are reused so that both read alike.

Units are matched by name or short name, folded (`core.text.fold_tokens`): case, diacritics,
`-` against `–` and spacing do not matter.

A spreadsheet is a zip of XML, so a hostile one is refused before it is parsed: larger than
`MAX_UPLOAD_BYTES`, not a zip, members declaring more than `MAX_UNCOMPRESSED_BYTES` or
expanding more than `MAX_COMPRESSION_RATIO` times (a zip bomb); then the sheet is streamed
(openpyxl read-only), at most `MAX_COLUMNS` columns and `MAX_ROWS` filled rows, each text at
most `MAX_TEXT_CHARS`.
"""

import datetime
import io
import logging
import re
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from congdoan.core.jsonl_import import ImportReport, LineFailure
from congdoan.core.text import fold_tokens, normalize

from .models import Program, Task, Unit
from .report_xlsx import append_row, new_sheet
from .status import latest_report, status_of, with_reports

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 20 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100
MAX_ROWS = 2000
# Rows read at most, blank ones included: a sheet of a million empty formatted rows is
# refused after this many rather than walked to its end.
MAX_SHEET_ROWS = 10_000
MAX_COLUMNS = 30
MAX_TEXT_CHARS = 5000
HEADER_SEARCH_ROWS = 10
LIST_SEPARATORS = re.compile(r"[,;\n]")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    required: bool = False


COLUMNS = [
    Column("number", pgettext_lazy("report", "No."), 6),
    Column("title", pgettext_lazy("report", "Task"), 50, required=True),
    Column("description", pgettext_lazy("report", "Description"), 40),
    Column("lead_unit", pgettext_lazy("report", "Lead unit"), 28, required=True),
    Column("cooperating_units", pgettext_lazy("report", "Cooperating units"), 32),
    Column("deadline", pgettext_lazy("report", "Deadline"), 12, required=True),
    Column("priority", pgettext_lazy("report", "Priority"), 16),
    Column("expected_output", pgettext_lazy("report", "Expected output"), 32),
    Column("parent", gettext_lazy("Parent task (No.)"), 14),
]
EXPORT_COLUMNS = [
    *COLUMNS,
    Column("status", pgettext_lazy("report", "Status"), 28),
    Column("percent", pgettext_lazy("report", "Latest progress (%)"), 12),
]


class WorkbookRefused(Exception):
    """The file as a whole cannot be imported; the message says why, in Vietnamese."""


def folded(text) -> str:
    """`Ban Tổ chức – Kiểm tra` -> `ban to chuc kiem tra`: what names and headers are
    compared by."""
    return " ".join(fold_tokens(str(text or "")))


def _header_keys(header: str) -> set[str]:
    """A header matches with or without its parenthesised part: `Nhiệm vụ cha (STT)` or
    `Nhiệm vụ cha`."""
    return {folded(header), folded(re.sub(r"\(.*?\)", "", header))}


# Reading the file


def _check_zip(upload) -> None:
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(0)
    if size > MAX_UPLOAD_BYTES:
        raise WorkbookRefused(
            _("The file is %(size)s; a task sheet may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_UPLOAD_BYTES)}
        )
    not_xlsx = _("The file is not an Excel workbook (.xlsx). Save it as .xlsx and try again.")
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            names = {info.filename for info in members}
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookRefused(not_xlsx) from None
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(not_xlsx)
    total = 0
    for info in members:
        total += info.file_size
        expands_too_much = info.file_size / max(info.compress_size, 1) > MAX_COMPRESSION_RATIO
        if total > MAX_UNCOMPRESSED_BYTES or (info.file_size > 1024 * 1024 and expands_too_much):
            raise WorkbookRefused(
                _(
                    "The file was refused: it expands to more than %(limit)s once unpacked, "
                    "which is how a zip bomb looks. A task sheet is much smaller."
                )
                % {"limit": filesizeformat(MAX_UNCOMPRESSED_BYTES)}
            )
    upload.seek(0)


def _is_blank(values) -> bool:
    return all(value is None or (isinstance(value, str) and not value.strip()) for value in values)


def _find_columns(row) -> dict[str, int] | None:
    """{column key: index} when `row` holds the required headers, else None."""
    wanted = {}
    for column in COLUMNS:
        for key in _header_keys(str(column.header)):
            wanted[key] = column.key
    found = {}
    for index, value in enumerate(row):
        key = wanted.get(folded(value)) if isinstance(value, str) else None
        if key and key not in found:
            found[key] = index
    if all(column.key in found for column in COLUMNS if column.required):
        return found
    return None


def read_rows(upload) -> list[tuple[int, dict]]:
    """(row number in the sheet, {column key: cell value}) for every filled row under the
    headers of the first sheet; WorkbookRefused when the file cannot be read as a task sheet."""
    _check_zip(upload)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file; all mean the same here.
        logger.info("Unreadable task sheet", exc_info=True)
        raise WorkbookRefused(
            _("The file could not be read as an Excel workbook (.xlsx): it may be damaged.")
        ) from None
    try:
        return _sheet_rows(workbook.worksheets[0])
    except WorkbookRefused:
        raise
    except Exception:
        logger.info("Unreadable task sheet", exc_info=True)
        raise WorkbookRefused(
            _("The file could not be read as an Excel workbook (.xlsx): it may be damaged.")
        ) from None
    finally:
        workbook.close()


def _sheet_rows(sheet) -> list[tuple[int, dict]]:
    columns = None
    rows = []
    for number, values in enumerate(
        sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
    ):
        if number > MAX_SHEET_ROWS:
            raise WorkbookRefused(
                _("The sheet has more than %(limit)s rows; split it into several files.")
                % {"limit": f"{MAX_SHEET_ROWS:,}".replace(",", ".")}
            )
        if columns is None:
            columns = _find_columns(values)
            if columns is None and number >= HEADER_SEARCH_ROWS:
                break
            continue
        if _is_blank(values):
            continue
        if len(rows) == MAX_ROWS:
            raise WorkbookRefused(
                _("The sheet has more than %(limit)s tasks; split it into several files.")
                % {"limit": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        rows.append(
            (
                number,
                {
                    key: values[index] if index < len(values) else None
                    for key, index in columns.items()
                },
            )
        )
    if columns is None:
        raise WorkbookRefused(
            _(
                "No header row was found in the first %(rows)s rows of the first sheet: it "
                "must name at least the columns %(columns)s. Download the template."
            )
            % {
                "rows": HEADER_SEARCH_ROWS,
                "columns": ", ".join(f"“{c.header}”" for c in COLUMNS if c.required),
            }
        )
    if not rows:
        raise WorkbookRefused(_("The sheet has no task under its header row."))
    return rows


# Checking the rows


class UnitIndex:
    """Every unit by its folded name and short name."""

    def __init__(self):
        self.by_key: dict[str, list[Unit]] = {}
        for unit in Unit.objects.all():
            for name in {folded(unit.name), folded(unit.short_name)} - {""}:
                self.by_key.setdefault(name, []).append(unit)

    def find(self, name: str) -> Unit:
        matches = self.by_key.get(folded(name), [])
        if not matches:
            raise ValueError(_("there is no unit «%(name)s»") % {"name": name})
        if len(matches) > 1:
            raise ValueError(
                _("«%(name)s» names several units: %(units)s")
                % {"name": name, "units": ", ".join(unit.name for unit in matches)}
            )
        return matches[0]


PRIORITY_WORDS = {
    "cap bach": Task.Priority.URGENT,
    "quan trong": Task.Priority.IMPORTANT,
    "thuong xuyen": Task.Priority.REGULAR,
}


def _text(value, label, errors, limit=MAX_TEXT_CHARS) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = normalize(str(value)).strip()
    if len(text) > limit:
        errors.append(
            _("%(column)s is %(length)s characters long, at most %(limit)s")
            % {
                "column": label,
                "length": f"{len(text):,}".replace(",", "."),
                "limit": f"{limit:,}".replace(",", "."),
            }
        )
        return ""
    return text


def _deadline(value, errors) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and 1 <= value < 2_958_466:
        # A date cell that lost its date format: Excel's day number.
        return from_excel(value).date()
    text = str(value or "").strip()
    if not text:
        errors.append(_("the deadline is empty"))
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    errors.append(_("the deadline «%(value)s» is not a date (dd/mm/yyyy)") % {"value": text[:40]})
    return None


def _priority(value, errors) -> str:
    key = folded(value)
    if not key:
        return Task.Priority.REGULAR
    for word, priority in PRIORITY_WORDS.items():
        if key in (word, folded(Task.Priority(priority).label), priority):
            return priority
    errors.append(
        _("the priority «%(value)s» is not one of: Cấp bách, Quan trọng, Thường xuyên")
        % {"value": str(value)[:40]}
    )
    return Task.Priority.REGULAR


@dataclass
class TaskRow:
    number: int
    key: str
    parent_key: str
    task: Task
    cooperating: list[Unit] = field(default_factory=list)


def _check_row(number, values, units: UnitIndex, keys: dict) -> TaskRow | list[str]:
    """The task a row describes, or the list of what is wrong with it."""
    errors: list[str] = []
    labels = {column.key: str(column.header) for column in COLUMNS}
    key = _text(values.get("number"), labels["number"], errors, limit=40)
    title = _text(
        values.get("title"), labels["title"], errors, Task._meta.get_field("title").max_length
    )
    if not title and not errors:
        errors.append(_("the task has no title"))
    lead = None
    lead_name = _text(values.get("lead_unit"), labels["lead_unit"], errors, limit=255)
    if not lead_name:
        errors.append(_("the lead unit is empty"))
    else:
        try:
            lead = units.find(lead_name)
        except ValueError as error:
            errors.append(str(error))
    cooperating = []
    names = _text(values.get("cooperating_units"), labels["cooperating_units"], errors)
    for name in (part.strip() for part in LIST_SEPARATORS.split(names)):
        if name:
            try:
                cooperating.append(units.find(name))
            except ValueError as error:
                errors.append(str(error))
    deadline = _deadline(values.get("deadline"), errors)
    priority = _priority(values.get("priority"), errors)
    parent_key = _text(values.get("parent"), labels["parent"], errors, limit=40)
    if key and key in keys:
        errors.append(
            _("the No. «%(key)s» is already used on row %(row)s") % {"key": key, "row": keys[key]}
        )
    if parent_key and parent_key not in keys:
        errors.append(
            _("the parent task «%(key)s» is not among the rows above") % {"key": parent_key}
        )
    if key:
        keys.setdefault(key, number)
    description = _text(values.get("description"), labels["description"], errors)
    expected_output = _text(values.get("expected_output"), labels["expected_output"], errors)
    if errors:
        return errors
    task = Task(
        title=title,
        description=description,
        lead_unit=lead,
        deadline=deadline,
        priority=priority,
        expected_output=expected_output,
    )
    return TaskRow(number, key, parent_key, task, cooperating)


def import_tasks(upload, program: Program) -> ImportReport:
    """Add the tasks of an uploaded sheet to `program`, all or none.

    Raises WorkbookRefused when the file itself is refused; returns the report, whose
    `errors` list every wrong row (and then nothing was imported)."""
    rows = read_rows(upload)
    units = UnitIndex()
    keys: dict[str, int] = {}
    checked: list[TaskRow] = []
    report = ImportReport()
    for number, values in rows:
        result = _check_row(number, values, units, keys)
        if isinstance(result, list):
            report.errors.append(LineFailure(number, "; ".join(result)))
        else:
            checked.append(result)
    if report.errors:
        return report
    with transaction.atomic():
        first_order = (program.tasks.aggregate(last=Max("order"))["last"] or 0) + 1
        by_key: dict[str, Task] = {}
        for offset, row in enumerate(checked):
            task = row.task
            task.program = program
            task.order = first_order + offset
            task.parent = by_key.get(row.parent_key) if row.parent_key else None
            task.full_clean()
            task.save()
            task.cooperating_units.set(row.cooperating)
            if row.key:
                by_key[row.key] = task
            report.created += 1
    return report


# Writing sheets


def _header_sheet(workbook, columns, first=True):
    return new_sheet(
        workbook,
        _("Task list"),
        [(str(column.header), column.width) for column in columns],
        first,
    )


def import_template() -> bytes:
    """The empty sheet offices fill in, with a second sheet explaining the columns."""
    workbook = Workbook()
    sheet = _header_sheet(workbook, COLUMNS)
    for row in range(2, MAX_ROWS + 2):
        sheet.cell(row=row, column=6).number_format = "DD/MM/YYYY"
    priorities = DataValidation(
        type="list", formula1='"Cấp bách,Quan trọng,Thường xuyên"', allow_blank=True
    )
    sheet.add_data_validation(priorities)
    priorities.add(f"G2:G{MAX_ROWS + 1}")
    guide = new_sheet(
        workbook,
        pgettext("report", "Guide"),
        [(pgettext("report", "Column"), 24), (_("What to write"), 90)],
    )
    explanations = [
        _("A number for the task, unique in the file; sub-tasks name it as their parent."),
        _("The task's title (required)."),
        _("What the task is about."),
        _("The unit that leads the task, by its name or short name (required)."),
        _("Other units taking part, separated by commas."),
        _("The deadline as a date (dd/mm/yyyy) (required)."),
        _("Cấp bách, Quan trọng or Thường xuyên (empty: Thường xuyên)."),
        _("The expected result (a plan, a report, a decision…)."),
        _("The No. of the parent task, which must be on a row above."),
    ]
    for column, explanation in zip(COLUMNS, explanations, strict=True):
        append_row(guide, [str(column.header), explanation])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _tree_order(tasks: list[Task]) -> list[Task]:
    """Parents before their sub-tasks, otherwise in the given order (the import needs a
    parent on a row above)."""
    present = {task.pk for task in tasks}
    children: dict[int | None, list[Task]] = {}
    for task in tasks:
        parent = task.parent_id if task.parent_id in present else None
        children.setdefault(parent, []).append(task)
    ordered, stack = [], list(reversed(children.get(None, [])))
    while stack:
        task = stack.pop()
        ordered.append(task)
        stack.extend(reversed(children.get(task.pk, [])))
    return ordered


def export_tasks(tasks, on: datetime.date | None = None) -> bytes:
    """The tasks as a sheet the import reads back, plus each one's status and latest
    progress on `on` (default: today)."""
    on = on or timezone.localdate()
    queryset = with_reports(
        tasks.select_related("lead_unit").prefetch_related("cooperating_units")
    ).order_by("program", "order", "deadline", "pk")
    ordered = _tree_order(list(queryset))
    numbers = {task.pk: index for index, task in enumerate(ordered, start=1)}
    workbook = Workbook()
    sheet = _header_sheet(workbook, EXPORT_COLUMNS)
    for task in ordered:
        latest = latest_report(task, on)
        append_row(
            sheet,
            [
                numbers[task.pk],
                task.title,
                task.description,
                task.lead_unit.name,
                ", ".join(unit.name for unit in task.cooperating_units.all()),
                task.deadline,
                str(task.get_priority_display()),
                task.expected_output,
                numbers.get(task.parent_id),
                str(status_of(task, on).label),
                latest.percent if latest else 0,
            ],
            date_columns={6},
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
