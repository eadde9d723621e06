"""One backup archive: the database and the media files, with a manifest of SHA-256 checksums.

Layout of `congdoan-backup-YYYYmmdd-HHMMSS.tar.gz`:

- `manifest.json`: format version, creation time, database engine and every member's checksum;
- `database.sqlite3` (SQLite, copied with the online backup API: consistent while the site
  runs) or `database.pgdump` (PostgreSQL, `pg_dump --format=custom`);
- `media/…`: the uploaded files (originals, renditions, documents).
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection

FORMAT_VERSION = 1
PREFIX = "congdoan-backup-"
SUFFIX = ".tar.gz"
SQLITE_MEMBER = "database.sqlite3"
POSTGRES_MEMBER = "database.pgdump"


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


def postgres_environment() -> dict:
    """libpq variables for pg_dump/pg_restore: the password never appears on a command line."""
    database = connection.settings_dict
    environment = dict(os.environ)
    environment.update(
        PGHOST=str(database.get("HOST") or ""),
        PGPORT=str(database.get("PORT") or ""),
        PGUSER=str(database.get("USER") or ""),
        PGPASSWORD=str(database.get("PASSWORD") or ""),
        PGDATABASE=str(database["NAME"]),
    )
    return environment


def program(name: str) -> str:
    """Full path of a PostgreSQL client program (apt-get install postgresql-client)."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client)")
    return path


def dump_database(folder: Path) -> Path:
    if engine() == "postgresql":
        target = folder / POSTGRES_MEMBER
        subprocess.run(  # noqa: S603 - fixed program, arguments are our own paths
            [program("pg_dump"), "--format=custom", "--no-owner", "--file", str(target)],
            env=postgres_environment(),
            check=True,
            capture_output=True,
        )
        return target
    target = folder / SQLITE_MEMBER
    connection.ensure_connection()
    with sqlite3.connect(target) as copy:
        connection.connection.backup(copy)
    copy.close()
    return target


def media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def create_backup(output_dir: Path) -> Path:
    """Write one archive into `output_dir` and return its path (written whole, then renamed)."""
    output_dir.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    name = f"{PREFIX}{created:%Y%m%d-%H%M%S-%f}{SUFFIX}"
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(dir=output_dir) as scratch:
        database = dump_database(Path(scratch))
        members = {database.name: database}
        members.update({f"media/{p.relative_to(media_root).as_posix()}": p for p in media_files()})
        manifest = {
            "format": FORMAT_VERSION,
            "created": created.isoformat(),
            "engine": engine(),
            "database": database.name,
            "files": {member: sha256_of(path) for member, path in members.items()},
        }
        partial = Path(scratch) / name
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            manifest_path = Path(scratch) / "manifest.json"
            manifest_path.write_bytes(data)
            archive.add(manifest_path, arcname="manifest.json")
            for member, path in members.items():
                archive.add(path, arcname=member)
        final = output_dir / name
        os.replace(partial, final)
    return final


def backups_in(folder: Path) -> list[Path]:
    """This folder's archives, newest first (their names sort by time)."""
    return sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)


def prune(folder: Path, keep: int | None = None, keep_days: int | None = None) -> list[Path]:
    """Delete archives beyond the newest `keep` and older than `keep_days`; the newest stays."""
    archives = backups_in(folder)
    doomed = set(archives[keep:]) if keep is not None else set()
    if keep_days is not None:
        cutoff = datetime.now(UTC) - timedelta(days=keep_days)
        doomed |= {
            path for path in archives if datetime.fromtimestamp(path.stat().st_mtime, UTC) < cutoff
        }
    doomed.discard(archives[0] if archives else None)
    for path in doomed:
        path.unlink()
    return sorted(doomed)


def read_verified(archive_path: Path, into: Path) -> dict:
    """Extract the archive into `into` after checking every member against the manifest."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(into, filter="data")
    except (tarfile.TarError, OSError, EOFError) as error:
        raise BackupError(f"cannot read {archive_path}: {error}") from error
    try:
        manifest = json.loads((into / "manifest.json").read_text())
        files = manifest["files"]
    except (OSError, ValueError, KeyError) as error:
        raise BackupError(f"{archive_path} has no valid manifest.json") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    for member, checksum in files.items():
        path = into / member
        if not path.is_file() or sha256_of(path) != checksum:
            raise BackupError(f"checksum mismatch or missing file: {member}")
    extra = (
        {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()}
        - set(files)
        - {"manifest.json"}
    )
    if extra:
        raise BackupError(f"files not in the manifest: {', '.join(sorted(extra)[:5])}")
    return manifest


def restore_database(manifest: dict, folder: Path) -> None:
    if manifest["engine"] != engine():
        raise BackupError(
            f"the backup holds a {manifest['engine']} database; this install uses {engine()}"
        )
    dump = folder / manifest["database"]
    if engine() == "postgresql":
        connection.close()
        subprocess.run(  # noqa: S603 - fixed program, arguments are our own paths
            [
                program("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--dbname",
                str(connection.settings_dict["NAME"]),
                str(dump),
            ],
            env=postgres_environment(),
            check=True,
            capture_output=True,
        )
        return
    connection.ensure_connection()
    with sqlite3.connect(dump) as source:
        source.backup(connection.connection)
    source.close()


def restore_media(folder: Path) -> None:
    source = folder / "media"
    if source.is_dir():
        shutil.copytree(source, Path(settings.MEDIA_ROOT), dirs_exist_ok=True)


def restore_backup(archive_path: Path) -> dict:
    """Verify the archive, then put its database and media in place."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = read_verified(archive_path, folder)
        restore_database(manifest, folder)
        restore_media(folder)
    # Content types have the restored ids now, not the ones this process cached.
    ContentType.objects.clear_cache()
    return manifest
