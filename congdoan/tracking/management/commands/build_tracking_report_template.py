"""`manage.py build_tracking_report_template`: draw the report's Word template again.

The shipped `templates/tracking/report_template.docx` is this command's output. Run it after
changing `tracking.report_template`; an office that edited its own copy in Word keeps it by
pointing `--output` elsewhere.
"""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from congdoan.tracking.report_template import TEMPLATE_PATH, build_template


class Command(BaseCommand):
    help = "Write the Word template of the tracker's periodic report (NĐ 30/2020/NĐ-CP form)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=TEMPLATE_PATH, help="File to write")

    def handle(self, *args, output, **options):
        path = build_template(output)
        self.stdout.write(self.style.SUCCESS(_("Template written to %(path)s") % {"path": path}))
