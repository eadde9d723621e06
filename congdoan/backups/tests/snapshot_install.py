"""Print, as JSON, what a restore must bring back: run in a subprocess against one install.

Every live page's URL and rendered HTML (through the test client, so no server is needed), the
legal documents' rows and files, the image and document rows, and every media file's SHA-256.
Per-response values (CSP nonces, CSRF tokens, the visitor counter's render time) are blanked, so
two renders of the same content compare equal; so is *Đọc nhiều*, whose "last 24 hours" window
moves between the two snapshots (the demo's simulated hits are spread over the past week).
"""

import hashlib
import json
import re
import sys
from pathlib import Path

import django

PER_RESPONSE = [
    (re.compile(rb'nonce="[^"]*"'), b'nonce=""'),
    (re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'), b'name="csrfmiddlewaretoken"'),
    (re.compile(rb'data-visitors-rendered-at="[^"]*"'), b'data-visitors-rendered-at=""'),
    (re.compile(rb'<section class="widget widget-most-read".*?</section>', re.S), b""),
]


def rendered(client, url: str) -> dict:
    response = client.get(url)
    body = response.content
    for pattern, replacement in PER_RESPONSE:
        body = pattern.sub(replacement, body)
    return {"status": response.status_code, "html": hashlib.sha256(body).hexdigest()}


def main() -> dict:
    django.setup()
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.files.storage import storages
    from django.utils.functional import empty

    # Static files are not in a backup: render their plain names, so no collectstatic is needed.
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES["staticfiles"] = storages.backends["staticfiles"] = plain
    storages._storages.pop("staticfiles", None)
    staticfiles_storage._wrapped = empty
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from congdoan.legal.models import LegalDocument, LegalDocumentFile

    client = Client(HTTP_HOST="localhost")
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        url = page.get_url()
        if url is not None:
            pages[url] = {"title": page.title, **rendered(client, url)}
    media = Path(settings.MEDIA_ROOT)
    return {
        "pages": pages,
        "legal_documents": [
            [str(value) for value in row]
            for row in LegalDocument.objects.order_by("pk").values_list(
                "pk", "code", "summary", "issued_on", "document_type__name", "issuer__name"
            )
        ],
        "legal_files": [
            list(row)
            for row in LegalDocumentFile.objects.order_by("pk").values_list(
                "pk", "document_id", "file", "file_size"
            )
        ],
        "images": [list(r) for r in get_image_model().objects.values_list("pk", "title", "file")],
        "documents": [
            list(r) for r in get_document_model().objects.values_list("pk", "title", "file")
        ],
        "media": {
            path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(media.rglob("*"))
            if path.is_file()
        },
    }


if __name__ == "__main__":
    json.dump(main(), sys.stdout, ensure_ascii=False)
