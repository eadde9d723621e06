"""A leader asks for a report in Chromium and downloads it from the running portal."""

import docx
import pytest
from django.test import Client

from conftest import session_cookie
from congdoan.tracking.roles import LEADER

from .conftest import user_in_role
from .report_data import program_in_every_status

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_leader_prepares_and_downloads_the_word_report(live_server, open_page, tmp_path):
    program_in_every_status()
    client = Client()
    client.force_login(user_in_role("lanhdao", LEADER))
    page = open_page(cookies=[session_cookie(client, live_server.url)])

    page.goto(live_server.url + "/admin/theo-doi/tai-bao-cao/")
    page.fill("#id_date_from", "01/07/2021")
    page.fill("#id_date_to", "31/12/2021")
    page.select_option("#id_file_format", "docx")
    page.click("form[data-report-request] button[type=submit]")
    # The test settings run tasks at once, so the report is listed ready after the redirect.
    with page.expect_download() as download_info:
        page.click("[data-report-downloads] [data-state=ready] a")
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)

    assert download.suggested_filename == "bao-cao-CTHD-02-2021-07-01-2021-12-31.docx"
    assert docx.Document(path).tables[1].rows[-1].cells[2].text == "6"
    page.problems.assert_none()
