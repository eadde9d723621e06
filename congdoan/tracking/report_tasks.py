"""Background work of the reports: producing a requested report file on the `reports` queue.

A report reads every task and progress report of a program and lays out a document, which can
take seconds for a large program: the admin asks for it (`ReportDownload`, pending) and the
worker of the `reports` queue fills it in, so no web thread waits and other queues (mail,
search index) never wait behind it.
"""

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

logger = logging.getLogger(__name__)


@task(queue_name="reports")
def produce_report_file(download_id: int) -> str:
    """Build the requested report and store it on its `ReportDownload`; a failure is kept
    there, with its reason, for the requester to see."""
    from .models import ReportDownload
    from .reports import build_report, render_report, report_file_name

    download = ReportDownload.objects.select_related("program").filter(pk=download_id).first()
    if download is None:
        return "missing"
    with override("vi"):
        try:
            report = build_report(download.program, download.date_from, download.date_to)
            content = render_report(report, download.file_format)
        except Exception as error:
            logger.exception("Report %s failed", download_id)
            ReportDownload.objects.filter(pk=download_id).update(
                state=ReportDownload.State.FAILED,
                error=_("The report could not be produced: %(error)s") % {"error": error},
                finished_at=timezone.now(),
            )
            return "failed"
    ReportDownload.objects.filter(pk=download_id).update(
        state=ReportDownload.State.READY,
        content=content,
        file_name=report_file_name(
            download.program, download.date_from, download.date_to, download.file_format
        ),
        finished_at=timezone.now(),
    )
    return "ready"
