"""`manage.py tracking_report`: a program's periodic report as a DOCX or XLSX file."""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from congdoan.tracking.reports import (
    REPORT_FORMATS,
    build_report,
    find_program,
    parse_report_date,
    render_report,
)


class Command(BaseCommand):
    help = (
        "Write the report of an action program for a date range (6 months, a year, any range) "
        "as a Word document following NĐ 30/2020/NĐ-CP, or as a spreadsheet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--program", required=True, help="Program id or code, e.g. CTHD-02")
        parser.add_argument(
            "--from", dest="date_from", required=True, help="YYYY-MM-DD or dd/mm/yyyy"
        )
        parser.add_argument("--to", dest="date_to", required=True, help="YYYY-MM-DD or dd/mm/yyyy")
        parser.add_argument("--format", dest="file_format", choices=REPORT_FORMATS, default="docx")
        parser.add_argument("--output", required=True, help="File to write")

    def handle(self, *args, program, date_from, date_to, file_format, output, **options):
        translation.activate(settings.LANGUAGE_CODE)
        try:
            start = parse_report_date(date_from)
            end = parse_report_date(date_to)
            report = build_report(find_program(program), start, end)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
        path.write_bytes(render_report(report, file_format))
        self.stdout.write(
            self.style.SUCCESS(
                _("Report of %(program)s written to %(path)s (%(count)d tasks).")
                % {"program": report.program.code, "path": path, "count": report.total}
            )
        )
