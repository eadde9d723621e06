"""The comments on a draft as an XLSX workbook for the drafting team (openpyxl)."""

import io

from django.utils import timezone
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

# Longest text a spreadsheet cell holds (Excel's limit); comments are shorter by the form.
CELL_MAX_CHARS = 32_767


def comments_workbook(document) -> bytes:
    """One sheet: STT, thời gian, họ tên, email, cơ quan, nội dung, trạng thái, oldest first."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = pgettext("draft comments", "Comments")[:31]
    headings = [
        pgettext("comments export", "No."),
        pgettext("comments export", "Time"),
        pgettext("comments export", "Full name"),
        pgettext("comments export", "Email"),
        pgettext("comments export", "Organization"),
        pgettext("comments export", "Content"),
        pgettext("comments export", "Status"),
    ]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    comments = document.draft_comments.order_by("created_at", "pk")
    for number, comment in enumerate(comments.iterator(), start=1):
        sheet.append(
            [
                number,
                timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M"),
                comment.name,
                comment.email,
                comment.organization,
                comment.comment[:CELL_MAX_CHARS],
                str(comment.status_label),
            ]
        )
        for cell in sheet[sheet.max_row]:
            # A reader's text starting with "=" is text, never a formula (formula injection).
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for letter, width in zip("ABCDEFG", (6, 17, 24, 28, 28, 80, 16), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=2, min_col=6, max_col=6):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
