"""Memory and time of reading task sheets, legitimate and hostile (`tracking.importing`).

    .venv/bin/python bench/tracking_import.py

Reads each sheet with `importing.read_rows` (what an import does before touching the database)
in a forked process and prints how far its resident memory grew above where it started, and
the time. Sheets: 2,000 tasks (the
cap), 10,000 tasks (refused at the cap), one 4 MB cell of random text (just under the 5 MB
upload limit), and a zip bomb (a 2 GB member declared, refused before inflating).

Target: every case under 100 MB of growth and 10 s; the refused ones say why.
"""

import io
import multiprocessing
import os
import resource
import secrets
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.test")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.utils import translation  # noqa: E402

from congdoan.tracking.importing import WorkbookRefused, read_rows  # noqa: E402

HEADERS = ["STT", "Nhiệm vụ", "Mô tả", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn"]


def sheet(rows) -> io.BytesIO:
    workbook = openpyxl.Workbook(write_only=True)
    worksheet = workbook.create_sheet()
    worksheet.append(HEADERS)
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def tasks(count):
    return [
        [n, f"Nhiệm vụ số {n} của chương trình", "Mô tả " * 20, "Ban Tổ chức", "BTG", "30/11/2021"]
        for n in range(1, count + 1)
    ]


def bomb() -> io.BytesIO:
    """A workbook whose shared strings declare 2 GB: written with a forged size header is
    not needed, zlib compresses zeros 1000:1, so 20 MB of zeros is 20 KB here."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", bytes(20 * 1024 * 1024))
    buffer.seek(0)
    return buffer


def read(upload) -> str:
    upload.seek(0)
    try:
        with translation.override("vi"):
            return f"{len(read_rows(upload))} rows read"
    except WorkbookRefused as refusal:
        return f"refused: {refusal}"


def _read_in_child(upload, results):
    """Runs in a forked process, whose peak resident memory then belongs to this read alone
    (lxml's parser allocates outside Python, where tracemalloc cannot see it)."""
    page = os.sysconf("SC_PAGE_SIZE")
    with open("/proc/self/statm") as statm:
        before = int(statm.read().split()[1]) * page
    started = time.perf_counter()
    outcome = read(upload)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    results.put((outcome, seconds, max(peak - before, 0)))


def measure(name, make):
    upload = make()
    size = upload.getbuffer().nbytes
    results = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(
        target=_read_in_child, args=(upload, results)
    )
    child.start()
    outcome, seconds, growth = results.get()
    child.join()
    print(
        f"{name:<22} {size / 1e6:5.2f} MB  +{growth / 1e6:5.1f} MB RSS  {seconds:5.2f} s  {outcome}"
    )
    return growth, seconds


def big_cell() -> io.BytesIO:
    """One cell of 4 MB of random text. openpyxl cuts strings at Excel's 32,767 characters
    when writing, so the text is put into the saved sheet's XML directly."""
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADERS)
    workbook.active.append([1, "PLACEHOLDER", None, "BTC", None, "30/11/2021"])
    saved = io.BytesIO()
    workbook.save(saved)
    buffer = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"PLACEHOLDER", secrets.token_urlsafe(3_000_000).encode())
            target.writestr(item, data)
    return buffer


def main():
    results = [
        measure("2,000 tasks", lambda: sheet(tasks(2000))),
        measure("10,000 tasks", lambda: sheet(tasks(10_000))),
        measure("4 MB cell", big_cell),
        measure("zip bomb (20 MB zeros)", bomb),
    ]
    worst_peak = max(peak for peak, _seconds in results)
    worst_time = max(seconds for _peak, seconds in results)
    ok = worst_peak < 100e6 and worst_time < 10
    verdict = "OK" if ok else "OVER TARGET"
    print(f"worst growth {worst_peak / 1e6:.1f} MB, worst time {worst_time:.2f} s: {verdict}")


if __name__ == "__main__":
    main()
