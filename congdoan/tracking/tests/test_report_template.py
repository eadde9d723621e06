"""The shipped Word template is what `build_tracking_report_template` draws."""

import zipfile

from django.core.management import call_command

from congdoan.tracking.report_template import TEMPLATE_PATH

# What Word renders; core properties (dates) differ between two builds.
LAYOUT_PARTS = ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml"]


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in LAYOUT_PARTS}


def test_the_shipped_template_is_the_builders_output(tmp_path):
    built = tmp_path / "report_template.docx"

    call_command("build_tracking_report_template", output=built)

    assert parts(built) == parts(TEMPLATE_PATH)
