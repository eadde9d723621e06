"""One runner for JSON Lines imports (articles, documents, …): one JSON object a line.

The runner owns everything an import of any kind needs, so that an importer only maps one
record to its models:

- the file is read line by line, and a line longer than `MAX_LINE_BYTES` is refused without
  being held in memory;
- each line is imported in its own transaction: a failing line changes nothing, the others
  are imported;
- every failure is reported with its line number and a reason for the editor;
- files a line refers to are taken only from the import file's folder (`ImportFolder`);
- files written to storage while importing a line that then fails are deleted again.

An importer is a function `import_record(record: dict, folder: ImportFolder) -> bool` that
returns True when it created something, False when it updated, and raises `LineError` (or
Django's `ValidationError`) to refuse the line. Feature apps call `run_import` with their
function; nothing here knows about them.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import Storage, default_storage, storages
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

# An article with a long body is a few hundred kilobytes of JSON; a line many times that size
# is a broken export, and reading it whole would hold it all in memory.
MAX_LINE_BYTES = 8 * 1024 * 1024
READ_CHUNK_BYTES = 64 * 1024
UTF8_BOM = b"\xef\xbb\xbf"


class LineError(Exception):
    """A line that cannot be imported; the message says why, for the editor."""


@dataclass(frozen=True)
class LineFailure:
    """One refused line of an import: its number in the file (from 1) and the reason."""

    line_number: int
    message: str

    def __str__(self):
        return _("Line %(number)d: %(reason)s") % {
            "number": self.line_number,
            "reason": self.message,
        }


@dataclass
class ImportReport:
    """What an import did: how many records were created and updated, which lines failed."""

    created: int = 0
    updated: int = 0
    errors: list[LineFailure] = field(default_factory=list)

    @property
    def exit_status(self) -> int:
        """1 when any line failed, as the command's exit status."""
        return 1 if self.errors else 0


class ImportFolder:
    """The import file's folder: the only place a line may take files from.

    `path()` refuses absolute paths, `..` and symbolic links that lead out of the folder
    before anything is opened, so a hostile import file cannot make the site copy
    `/etc/passwd` or another site's media into its own storage.
    """

    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def path(self, relative) -> Path:
        """The resolved path of `relative` inside the folder (it may not exist);
        raises LineError when it is not a relative path that stays inside."""
        if not isinstance(relative, str) or not relative.strip() or "\0" in relative:
            raise LineError(_("A file path must be a non-empty text."))
        parts = PurePosixPath(relative)
        if parts.is_absolute() or ".." in parts.parts:
            raise LineError(
                _(
                    "“%(path)s” is not inside the import file's folder: give a path relative "
                    "to it, without “..”."
                )
                % {"path": relative}
            )
        resolved = (self.root / parts).resolve()
        if not resolved.is_relative_to(self.root):
            raise LineError(
                _("“%(path)s” is a link that leads out of the import file's folder.")
                % {"path": relative}
            )
        return resolved

    @contextmanager
    def open_file(self, relative, check=None, not_found=None) -> Iterator[File]:
        """The file at `relative`, opened as a Django File named after it, once `check(file)`
        (a validator such as an upload's) has passed; its ValidationError becomes a LineError
        naming the file. `not_found` is the message, with `%(path)s`, for a missing file."""
        path = self.path(relative)
        if not path.is_file():
            raise LineError((not_found or _("File not found: %(path)s")) % {"path": relative})
        with path.open("rb") as stream:
            file = File(stream, name=path.name)
            if check is not None:
                try:
                    check(file)
                except ValidationError as error:
                    raise LineError(f"{relative}: {' '.join(error.messages)}") from None
                file.seek(0)
            yield file


def _line_text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise LineError(_("The line is not UTF-8 text.")) from None


def read_lines(path: Path) -> Iterator[tuple[int, str | LineError]]:
    """(line number, text) for every non-blank line; a line too long or not UTF-8 comes as
    (line number, LineError) so that the runner reports it and goes on."""
    with Path(path).open("rb") as stream:
        number = 0
        while raw := stream.readline(MAX_LINE_BYTES + 1):
            number += 1
            if number == 1 and raw.startswith(UTF8_BOM):
                raw = raw[len(UTF8_BOM) :]
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                # Skip the rest of the line in small reads: memory stays bounded.
                while (rest := stream.readline(READ_CHUNK_BYTES)) and not rest.endswith(b"\n"):
                    pass
                yield (
                    number,
                    LineError(
                        _("The line is longer than %(limit)s.")
                        % {"limit": filesizeformat(MAX_LINE_BYTES)}
                    ),
                )
                continue
            try:
                text = _line_text(raw)
            except LineError as error:
                yield number, error
                continue
            if text.strip():
                yield number, text


def parse_record(text: str) -> dict:
    """The JSON object on one line; LineError when it is not valid JSON or not an object."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise LineError(
            _("Invalid JSON (column %(column)d): %(reason)s")
            % {"column": error.colno, "reason": error.msg}
        ) from None
    if not isinstance(record, dict):
        raise LineError(_("Each line must be one JSON object."))
    return record


def validation_message(error: ValidationError) -> str:
    """A model's ValidationError as one line of text, field names first."""
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _file_storages() -> list[Storage]:
    """Every storage a model's file field writes to, each once (the default storage is
    reached both as `default_storage` and as `storages["default"]`)."""
    candidates = [storages[alias] for alias in settings.STORAGES]
    for model in apps.get_models():
        candidates += [
            model_field.storage
            for model_field in model._meta.get_fields()
            if isinstance(model_field, models.FileField)
        ]
    # `default_storage` is a lazy proxy of storages["default"], which is listed already.
    unique = {id(storage): storage for storage in candidates if storage is not default_storage}
    return list(unique.values())


@contextmanager
def recording_saved_files() -> Iterator[list[tuple[Storage, str]]]:
    """Yield a list that fills with (storage, name) for every file saved to any storage
    inside the block.

    Storage has no signal for a write and a database rollback does not undo one, so each
    storage's `save` is wrapped for the duration of the block. Imports run in one thread of
    a management command; the wrappers are removed on leaving.
    """
    saved: list[tuple[Storage, str]] = []
    wrapped = _file_storages()
    for storage in wrapped:
        original_save = storage.save

        def recording_save(name, content, max_length=None, _storage=storage, _save=original_save):
            stored_name = _save(name, content, max_length=max_length)
            saved.append((_storage, stored_name))
            return stored_name

        storage.save = recording_save
    try:
        yield saved
    finally:
        for storage in wrapped:
            del storage.save


def import_line(record: dict, folder: ImportFolder, import_record) -> bool:
    """Import one record in its own transaction; if it fails, delete the files it wrote."""
    with recording_saved_files() as saved:
        try:
            with transaction.atomic():
                return import_record(record, folder)
        except BaseException:
            for storage, name in saved:
                storage.delete(name)
            raise


def run_import(path: Path, import_record: Callable[[dict, ImportFolder], bool]) -> ImportReport:
    """Import every line of the JSON Lines file at `path` that can be imported; report the
    others by number and reason."""
    path = Path(path)
    folder = ImportFolder(path.parent)
    report = ImportReport()
    for number, text in read_lines(path):
        try:
            if isinstance(text, LineError):
                raise text
            created = import_line(parse_record(text), folder, import_record)
        except LineError as error:
            report.errors.append(LineFailure(number, str(error)))
        except ValidationError as error:
            report.errors.append(LineFailure(number, validation_message(error)))
        else:
            if created:
                report.created += 1
            else:
                report.updated += 1
    return report


class ImportCommand(BaseCommand):
    """A management command that imports one JSON Lines file: failing lines go to standard
    error with their number, and the command ends with exit status 1 when any line failed.

    Subclasses set `help`, `import_record` (the importer, see the module's docstring) and
    `summary_message` (lazy text with %(created)d, %(updated)d and %(failed)d).
    """

    import_record: Callable[[dict, ImportFolder], bool]
    summary_message: str

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON Lines file; file paths are relative to its folder")

    def summary(self, report: ImportReport) -> str:
        return self.summary_message % {
            "created": report.created,
            "updated": report.updated,
            "failed": len(report.errors),
        }

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        report = run_import(path, type(self).import_record)
        for error in report.errors:
            self.stderr.write(str(error))
        if report.exit_status:
            raise CommandError(self.summary(report), returncode=report.exit_status)
        self.stdout.write(self.style.SUCCESS(self.summary(report)))
