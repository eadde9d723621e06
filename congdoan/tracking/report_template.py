"""Builds the editable Word template of the periodic report (`report_template.docx`).

The report is filled by docxtpl from `templates/tracking/report_template.docx`; an office may
open that file in Word and change wording, fonts or the recipients' layout, as long as the
`{{ … }}` fields and the `{%tr … %}` / `{%p … %}` loop rows stay. This module draws the
template the project ships (`manage.py build_tracking_report_template` writes it again), laid
out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks of an administrative document:

- A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm;
- Times New Roman (Unicode), 14 pt body, 13 pt header parts, single line spacing, 6 pt after
  each paragraph;
- a two-column header: governing body over the issuing unit (bold, a short line below) on the
  left; Quốc hiệu (bold capitals) over Tiêu ngữ (bold, underlined along its length) on the
  right; then số ký hiệu on the left and place and date (italic) on the right;
- the type "BÁO CÁO" and the trích yếu, bold and centred, with a short line below;
- the body, then the signer (authority, title, name: bold) on the right and *Nơi nhận* on the
  left (label bold italic 12 pt, list 11 pt, ending with "Lưu: VT, …");
- page numbers centred at the top from page 2 on (a different, empty first-page header).

Fixed wording is gettext text (English msgid, Vietnamese in the app's .po), written in
Vietnamese when the template is built.
"""

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import override, pgettext
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TEMPLATE_PATH = Path(__file__).parent / "templates" / "tracking" / "report_template.docx"
FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
# The text column is 210 − 30 − 15 = 165 mm wide: the header's left column takes 65 mm.
LEFT_HEADER_MM, RIGHT_HEADER_MM = 65, 100


def _font(run, size=BODY_SIZE, bold=False, italic=False, underline=False):
    run.font.name = FONT
    run.font.size = size
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    # Word picks the font per script: name it for all of them, or Vietnamese letters with
    # two marks may fall back to another font.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    return run


def _paragraph(
    container,
    text="",
    size=BODY_SIZE,
    bold=False,
    italic=False,
    underline=False,
    align=WD_ALIGN_PARAGRAPH.CENTER,
    after=0,
    indent_first=None,
):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(after)
    if indent_first is not None:
        paragraph.paragraph_format.first_line_indent = indent_first
    if text:
        _font(paragraph.add_run(text), size, bold, italic, underline)
    return paragraph


def _short_line(container, width_mm, column_mm):
    """A horizontal rule `width_mm` long, centred in a column: an empty paragraph whose
    bottom border spans what its indents leave (NĐ 30 draws these under the issuing unit and
    the trích yếu)."""
    paragraph = _paragraph(container, size=Pt(2))
    side = Mm((column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    return paragraph


def _first_paragraph(cell, text, **style):
    """Write into the paragraph a new cell already has, rather than leave it empty above."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = style.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(style.pop("after", 0))
    if text:
        _font(paragraph.add_run(text), **style)
    return paragraph


def _page_number_field(paragraph):
    """A PAGE field: Word shows the current page number in its place."""
    run = _font(paragraph.add_run(), HEADER_SIZE)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2")):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == "PAGE" else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} " if text == "PAGE" else text
        run._element.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    _font(paragraph.add_run(), HEADER_SIZE)._element.append(end)


def _column_widths(table, widths_mm):
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _data_table(document, headers, widths_mm):
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        _first_paragraph(cell, header, size=Pt(12), bold=True)
    return table


def _loop_row(table, tag):
    """A row holding only a docxtpl `{%tr … %}` tag: docxtpl replaces the whole row."""
    cells = table.add_row().cells
    _first_paragraph(cells[0], tag, size=Pt(12))


def _fields_row(table, fields, aligns=None):
    cells = table.add_row().cells
    for index, (cell, field) in enumerate(zip(cells, fields, strict=True)):
        align = (aligns or {}).get(index, WD_ALIGN_PARAGRAPH.LEFT)
        _first_paragraph(cell, field, size=Pt(12), align=align)
    return cells


def _section_title(document, text):
    return _paragraph(
        document, text, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=6, indent_first=Mm(10)
    )


def _body(document, text):
    return _paragraph(
        document, text, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6, indent_first=Mm(10)
    )


def _page_setup(document):
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    _page_number_field(_first_paragraph(section.header, "", align=WD_ALIGN_PARAGRAPH.CENTER))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(language)
    normal.paragraph_format.line_spacing = 1.0


def _header_block(document):
    table = document.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _column_widths(table, [LEFT_HEADER_MM, RIGHT_HEADER_MM])
    left, right = table.rows[0].cells
    _first_paragraph(left, "{{ governing_body }}", size=HEADER_SIZE)
    _paragraph(left, "{{ issuing_unit }}", size=HEADER_SIZE, bold=True)
    _short_line(left, 25, LEFT_HEADER_MM)
    _first_paragraph(right, _("SOCIALIST REPUBLIC OF VIETNAM"), size=HEADER_SIZE, bold=True)
    _paragraph(right, _("Independence - Freedom - Happiness"), bold=True, underline=True)
    number, place = table.rows[1].cells
    _first_paragraph(number, "{{ number }}", size=HEADER_SIZE)
    number.paragraphs[0].paragraph_format.space_before = Pt(6)
    _first_paragraph(place, "{{ place_and_date }}", italic=True)
    place.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title_block(document):
    _paragraph(document, "", after=6)
    _paragraph(document, _("REPORT"), bold=True)
    _paragraph(document, "{{ subject }}", bold=True)
    _short_line(document, 50, 165)
    _paragraph(document, "", after=6)


def _summary_part(document):
    _section_title(document, _("I. SUMMARY BY STATUS"))
    _body(
        document,
        _(
            "On {{ date_to }} the program has {{ total }} tasks. From {{ date_from }} to "
            "{{ date_to }} the units sent {{ reports_in_period }} progress reports and "
            "{{ completed_in_period }} tasks were completed."
        ),
    )
    table = _data_table(
        document,
        [
            pgettext("report", "No."),
            pgettext("report", "Status"),
            pgettext("report", "Tasks"),
            pgettext("report", "Share (%)"),
        ],
        [15, 90, 30, 30],
    )
    _loop_row(table, "{%tr for line in summary %}")
    _fields_row(
        table,
        ["{{ loop.index }}", "{{ line.label }}", "{{ line.count }}", "{{ line.percent }}"],
        {0: WD_ALIGN_PARAGRAPH.CENTER, 2: WD_ALIGN_PARAGRAPH.CENTER, 3: WD_ALIGN_PARAGRAPH.CENTER},
    )
    _loop_row(table, "{%tr endfor %}")
    total = _fields_row(
        table,
        ["", pgettext("report", "Total"), "{{ total }}", "{{ total_percent }}"],
        {2: WD_ALIGN_PARAGRAPH.CENTER, 3: WD_ALIGN_PARAGRAPH.CENTER},
    )
    for cell in total:
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    _column_widths(table, [15, 80, 35, 35])
    _paragraph(document, "", after=6)


def _units_part(document):
    _section_title(document, _("II. TASKS BY LEAD UNIT"))
    widths = [12, 58, 30, 22, 25, 18]
    table = _data_table(
        document,
        [
            pgettext("report", "No."),
            pgettext("report", "Task"),
            pgettext("report", "Lead unit"),
            pgettext("report", "Deadline"),
            pgettext("report", "Status"),
            pgettext("report", "Latest progress (%)"),
        ],
        widths,
    )
    _loop_row(table, "{%tr for section in units %}")
    unit_row = table.add_row()
    merged = unit_row.cells[0].merge(unit_row.cells[-1])
    _first_paragraph(
        merged, "{{ section.unit }}", size=Pt(12), bold=True, align=WD_ALIGN_PARAGRAPH.LEFT
    )
    _loop_row(table, "{%tr for task in section.tasks %}")
    _fields_row(
        table,
        [
            "{{ task.number }}",
            "{{ task.title }}",
            "{{ task.lead_unit }}",
            "{{ task.deadline }}",
            "{{ task.status_label }}",
            "{{ task.percent }}",
        ],
        {0: WD_ALIGN_PARAGRAPH.CENTER, 3: WD_ALIGN_PARAGRAPH.CENTER, 5: WD_ALIGN_PARAGRAPH.CENTER},
    )
    _loop_row(table, "{%tr endfor %}")
    _loop_row(table, "{%tr endfor %}")
    _column_widths(table, widths)
    _paragraph(document, "", after=6)


def _overdue_part(document):
    _section_title(document, _("III. OVERDUE TASKS AND REASONS"))
    _paragraph(document, "{%p if overdue %}")
    widths = [12, 50, 30, 22, 51]
    table = _data_table(
        document,
        [
            pgettext("report", "No."),
            pgettext("report", "Task"),
            pgettext("report", "Lead unit"),
            pgettext("report", "Deadline"),
            pgettext("report", "Reason"),
        ],
        widths,
    )
    _loop_row(table, "{%tr for task in overdue %}")
    _fields_row(
        table,
        [
            "{{ task.number }}",
            "{{ task.title }}",
            "{{ task.lead_unit }}",
            "{{ task.deadline }}",
            "{{ task.reason }}",
        ],
        {0: WD_ALIGN_PARAGRAPH.CENTER, 3: WD_ALIGN_PARAGRAPH.CENTER},
    )
    _loop_row(table, "{%tr endfor %}")
    _column_widths(table, widths)
    _paragraph(document, "{%p else %}")
    _body(document, _("No task is overdue on {{ date_to }}."))
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "", after=6)


def _signature_block(document):
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _column_widths(table, [LEFT_HEADER_MM + 10, RIGHT_HEADER_MM - 10])
    recipients, signer = table.rows[0].cells
    _first_paragraph(
        recipients,
        _("Recipients:"),
        size=Pt(12),
        bold=True,
        italic=True,
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    _paragraph(recipients, "{%p for line in recipients %}", size=Pt(11))
    _paragraph(recipients, "- {{ line }}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT)
    _paragraph(recipients, "{%p endfor %}", size=Pt(11))
    _first_paragraph(signer, "{{ signer_authority }}", size=BODY_SIZE, bold=True)
    _paragraph(signer, "{{ signer_title }}", bold=True)
    for _blank in range(4):
        _paragraph(signer, "")
    _paragraph(signer, "{{ signer_name }}", bold=True)


def build_template(path: Path = TEMPLATE_PATH) -> Path:
    """Write the report template to `path` and return it."""
    with override("vi"):
        document = Document()
        _page_setup(document)
        _header_block(document)
        _title_block(document)
        _summary_part(document)
        _units_part(document)
        _overdue_part(document)
        _signature_block(document)
        document.core_properties.title = _("Periodic report of an action program")
        document.core_properties.language = "vi-VN"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(path)
    return path
