"""Import and export of documents as JSON lines (one document a line), for moving portals.

Reading the file, line numbers, transactions and confining file paths are the import runner's
(`congdoan.core.jsonl_import`); this module maps one record to a document.
"""

import datetime
import json
import shutil
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _

from congdoan.core.jsonl_import import ImportFolder, LineError

from .models import Area, DocumentType, Issuer, LegalDocument, LegalDocumentFile, code_key
from .validators import validate_document_file

AREA_PATH_SEPARATOR = " > "
REQUIRED_TEXT = ("code", "type", "issuer", "summary")


def _date(data: dict, key: str, required: bool) -> datetime.date | None:
    value = data.get(key)
    if value in (None, ""):
        if required:
            raise LineError(_("“%(field)s” is missing.") % {"field": key})
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise LineError(
            _("“%(field)s” is not an ISO date (YYYY-MM-DD): %(value)s")
            % {"field": key, "value": value}
        ) from None


def _area(path: str) -> Area:
    parent = None
    for name in [part.strip() for part in str(path).split(AREA_PATH_SEPARATOR.strip())]:
        if not name:
            raise LineError(_("Area “%(path)s” has an empty name.") % {"path": path})
        parent, _created = Area.objects.get_or_create(name=name, parent=parent)
    return parent


def _check_fields(data: dict):
    if not str(data.get("id") or "").strip():
        raise LineError(_("“%(field)s” is missing.") % {"field": "id"})
    for key in REQUIRED_TEXT:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise LineError(_("“%(field)s” is missing.") % {"field": key})
    for key in ("areas", "files"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise LineError(_("“%(field)s” must be a list of texts.") % {"field": key})


def _files(data: dict, folder: ImportFolder) -> list[Path]:
    """The checked attachments of the line, as paths inside the import folder."""
    paths = []
    for relative in data.get("files", []):
        with folder.open_file(relative, check=validate_document_file) as upload:
            paths.append(Path(upload.file.name))
    return paths


def import_record(data: dict, folder: ImportFolder) -> bool:
    """The import runner's hook: create or update one document; True when it was created."""
    _check_fields(data)
    issued_on = _date(data, "issued_on", required=True)
    effective_on = _date(data, "effective_on", required=False)
    expires_on = _date(data, "expires_on", required=False)
    paths = _files(data, folder)
    external_id = str(data["id"]).strip()
    document = LegalDocument.objects.filter(external_id=external_id).first()
    if document is None:
        # A document exported from this site without an import key: adopt it.
        document = LegalDocument.objects.filter(
            external_id__isnull=True, code_key=code_key(data["code"]), issued_on=issued_on
        ).first()
    created = document is None
    document = document or LegalDocument()
    document.external_id = external_id
    document.code = data["code"]
    document.document_type, _c = DocumentType.objects.get_or_create(name=data["type"].strip())
    document.issuer, _c = Issuer.objects.get_or_create(name=data["issuer"].strip())
    document.signer = data.get("signer") or ""
    document.summary = data["summary"]
    document.issued_on, document.effective_on, document.expires_on = (
        issued_on,
        effective_on,
        expires_on,
    )
    if "is_replaced" in data:
        document.is_replaced = bool(data["is_replaced"])
    document.fill_derived_fields()
    try:
        document.full_clean(exclude=["areas", "replaces", "related_documents"])
    except ValidationError as error:
        raise LineError(" ".join(error.messages)) from None
    document.areas.set([_area(path) for path in data.get("areas", [])])
    existing = {Path(item.file.name).name: item for item in document.files.all()}
    kept = []
    for order, path in enumerate(paths):
        item = existing.get(path.name)
        if item is None or item.file_size != path.stat().st_size:
            item = LegalDocumentFile()
            with path.open("rb") as stream:
                item.file.save(path.name, File(stream), save=False)
        item.sort_order = order
        kept.append(item)
    document.files = kept
    document.save()
    return created


def area_path(area: Area, areas_by_id: dict[int, Area]) -> str:
    names = [area.name]
    while area.parent_id:
        area = areas_by_id[area.parent_id]
        names.append(area.name)
    return AREA_PATH_SEPARATOR.join(reversed(names))


def export_documents(output: Path):
    """Write every document to `output` (JSON lines) and its files beside it, in
    `<output stem>_files/`; returns how many documents were written."""
    files_dir = output.parent / f"{output.stem}_files"
    areas_by_id = {area.pk: area for area in Area.objects.all()}
    count = 0
    documents = LegalDocument.objects.select_related("document_type", "issuer").prefetch_related(
        "areas", "files"
    )
    with output.open("w", encoding="utf-8") as stream:
        for document in documents.order_by("issued_on", "pk"):
            external_id = document.external_id or f"congdoan-{document.pk}"
            file_paths = []
            for item in document.files.all():
                relative = (
                    Path(f"{output.stem}_files") / str(document.pk) / Path(item.file.name).name
                )
                (files_dir / str(document.pk)).mkdir(parents=True, exist_ok=True)
                with (
                    item.file.open("rb") as source,
                    (output.parent / relative).open("wb") as target,
                ):
                    shutil.copyfileobj(source, target)
                file_paths.append(relative.as_posix())
            record = {
                "id": external_id,
                "code": document.code,
                "type": document.document_type.name,
                "issuer": document.issuer.name,
                "signer": document.signer,
                "areas": [area_path(area, areas_by_id) for area in document.areas.all()],
                "summary": document.summary,
                "issued_on": document.issued_on.isoformat(),
                "effective_on": document.effective_on.isoformat()
                if document.effective_on
                else None,
                "expires_on": document.expires_on.isoformat() if document.expires_on else None,
                "is_replaced": document.is_replaced,
                "files": file_paths,
            }
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
