"""Backup then restore through real `manage.py` processes with production settings.

Install A is migrated and given the demo content (pages, legal documents, images, media), then
backed up. Install B is *empty*: a database with no tables at all (never migrated) and no media
folder, which is what a new server has before anything is run on it; `restore` also accepts an
install that was only migrated (no account, page, image or document of its own). After the
restore, every live page renders the same HTML, the legal documents and the image/document rows
are the same, and every media file has the same checksum (see `snapshot_install.py`).
"""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from conftest import require_service

REPO_DIR = Path(__file__).resolve().parents[3]
SECRET_KEY = "backup-restore-test-" + "k" * 50


def install_env(root: Path, database_url: str) -> dict:
    """A production-like install of its own: settings, database, media and var folder."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "TASKS_REDIS_URL", "MEDIA_ROOT", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="congdoan.settings.production",
        SECRET_KEY=SECRET_KEY,
        HTTPS="false",
        VAR_DIR=str(root),
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(root / "media"),
        BACKUP_DIR=str(root / "backups"),
    )
    return env


def run(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, *args],
        cwd=REPO_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return run(env, "manage.py", *args, check=check)


def snapshot(env: dict) -> dict:
    return json.loads(run(env, "-m", "congdoan.backups.tests.snapshot_install").stdout)


def make_demo_backup(env: dict) -> Path:
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "load_demo")
    return Path(manage(env, "backup").stdout.splitlines()[0])


def assert_restored(before: dict, after: dict):
    assert len(before["pages"]) > 20
    assert {page["status"] for page in before["pages"].values()} == {200}
    assert before["legal_documents"] and before["legal_files"] and before["images"]
    assert any(name.startswith("van-ban/") for name in before["media"])
    assert any(name.startswith("original_images/") for name in before["media"])
    assert after["pages"] == before["pages"]
    assert after["legal_documents"] == before["legal_documents"]
    assert after["legal_files"] == before["legal_files"]
    assert after["images"] == before["images"]
    assert after["documents"] == before["documents"]
    assert after["media"] == before["media"]


def tampered_copy(archive: Path, folder: Path) -> Path:
    """The same archive with one legal document's bytes changed and its manifest left alone."""
    folder.mkdir()
    tampered = folder / archive.name
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        changed = False
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if not changed and member.name.startswith("media/van-ban/"):
                data, member.size, changed = b"%PDF-1.4 not the document", 25, True
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    assert changed
    return tampered


@pytest.fixture(scope="module")
def sqlite_installs(tmp_path_factory):
    """Install A with the demo content and its backup; install B restored from it."""
    root = tmp_path_factory.mktemp("installs")
    env_a = install_env(root / "a", f"sqlite:///{root / 'a' / 'db.sqlite3'}")
    env_b = install_env(root / "b", f"sqlite:///{root / 'b' / 'db.sqlite3'}")
    (root / "a").mkdir()
    (root / "b").mkdir()
    archive = make_demo_backup(env_a)
    before = snapshot(env_a)
    restored = manage(env_b, "restore", str(archive))
    return {
        "root": root,
        "a": env_a,
        "b": env_b,
        "archive": archive,
        "before": before,
        "restored": restored,
    }


def test_restore_into_an_empty_install_gives_identical_pages_documents_and_media(
    sqlite_installs,
):
    assert "restored" in sqlite_installs["restored"].stdout
    assert_restored(sqlite_installs["before"], snapshot(sqlite_installs["b"]))


def test_restore_into_a_non_empty_install_is_refused_without_force(sqlite_installs):
    result = manage(sqlite_installs["b"], "restore", str(sqlite_installs["archive"]), check=False)
    assert result.returncode == 1
    assert "this install already has content" in result.stderr
    assert "--force" in result.stderr


def test_a_tampered_archive_is_refused_and_changes_nothing(sqlite_installs):
    env_b = sqlite_installs["b"]
    tampered = tampered_copy(sqlite_installs["archive"], sqlite_installs["root"] / "tampered")
    before = snapshot(env_b)
    result = manage(env_b, "restore", "--force", str(tampered), check=False)
    assert result.returncode == 1
    assert "checksum mismatch or missing file: media/van-ban/" in result.stderr
    assert snapshot(env_b) == before


def test_prune_applies_the_configured_retention(sqlite_installs, tmp_path):
    env = {**sqlite_installs["a"], "BACKUP_DIR": str(tmp_path), "BACKUP_KEEP": "2"}
    for _ in range(3):
        manage(env, "backup")
    result = manage(env, "backup", "--prune")
    removed = [line for line in result.stdout.splitlines() if line.startswith("removed ")]
    kept = sorted(tmp_path.glob("congdoan-backup-*.tar.gz"))
    assert len(removed) == 2
    assert len(kept) == 2
    assert Path(result.stdout.splitlines()[0]) in kept


def server_url() -> str:
    url = os.environ.get("TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgres://congdoan:congdoan@127.0.0.1:5432/postgres"
    try:
        psycopg.connect(url, connect_timeout=3).close()
        available = True
    except psycopg.Error:
        available = False
    require_service("PostgreSQL", available, f"start PostgreSQL or set TEST_POSTGRES_URL ({url})")
    return url


@pytest.fixture
def postgres_databases():
    """Two throw-away databases, created empty and dropped afterwards."""
    url = server_url()
    base = url.rsplit("/", 1)[0]
    names = ["congdoan_backups_fuzz_a", "congdoan_backups_fuzz_b"]
    with psycopg.connect(url, autocommit=True) as admin:
        for name in names:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield [f"{base}/{name}" for name in names]
    with psycopg.connect(url, autocommit=True) as admin:
        for name in names:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


@pytest.mark.postgres_only
def test_postgres_restore_into_an_empty_database_gives_identical_pages_documents_and_media(
    postgres_databases, tmp_path
):
    url_a, url_b = postgres_databases
    env_a = install_env(tmp_path / "a", url_a)
    env_b = install_env(tmp_path / "b", url_b)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    archive = make_demo_backup(env_a)
    with tarfile.open(archive) as opened:
        assert "database.pgdump" in opened.getnames()
    before = snapshot(env_a)
    manage(env_b, "restore", str(archive))
    assert_restored(before, snapshot(env_b))
