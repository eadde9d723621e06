"""The demo is loaded once into an empty database; its editor's password is random per install."""

import io
import stat
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction

from congdoan.core import demo
from congdoan.core.models import HomePage
from congdoan.news.models import ArticlePage

pytestmark = pytest.mark.django_db

REPO_DIR = Path(__file__).resolve().parents[3]


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    # Background work (renditions, indexing) is queued, not run: these tests are about accounts.
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": settings.TASK_QUEUES,
        }
    }
    return tmp_path


def load_demo() -> str:
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    return output.getvalue()


def test_second_load_keeps_deleted_articles_deleted_and_the_changed_password(var_dir):
    output = load_demo()
    password_file = var_dir / "demo_editor_password"
    password = password_file.read_text(encoding="utf-8").strip()
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert f"Tài khoản biên tập mẫu: bientap / {password}" in output
    editor = get_user_model().objects.get(username="bientap")
    assert editor.check_password(password)
    assert editor.is_staff and not editor.is_superuser
    assert set(editor.groups.values_list("role__code", flat=True)) == {"editor"}
    assert demo.demo_login_lines()[0] == f"Tài khoản biên tập mẫu: bientap / {password}"
    for username, role in [
        ("tongbientap", "chief_editor"),
        ("phongvien", "reporter"),
        ("congtacvien", "contributor"),
        ("quantri", "administrator"),
    ]:
        account_file = var_dir / f"demo_{username}_password"
        account_password = account_file.read_text(encoding="utf-8").strip()
        assert stat.S_IMODE(account_file.stat().st_mode) == 0o600
        account = get_user_model().objects.get(username=username)
        assert account.check_password(account_password)
        assert not account.is_superuser
        assert set(account.groups.values_list("role__code", flat=True)) == {role}
        assert f"{username} / {account_password}" in output

    deleted = ArticlePage.objects.order_by("pk").first()
    deleted_title = deleted.title
    deleted.delete()
    articles_left = ArticlePage.objects.count()
    editor.set_password("mat-khau-rieng-cua-bien-tap")
    editor.save()

    output = load_demo()

    assert output == "Không nạp dữ liệu mẫu: cơ sở dữ liệu đã có dữ liệu.\n"
    assert not ArticlePage.objects.filter(title=deleted_title).exists()
    assert ArticlePage.objects.count() == articles_left
    editor.refresh_from_db()
    assert editor.check_password("mat-khau-rieng-cua-bien-tap")
    # The stored password no longer opens the account: not printed, the file is gone.
    assert not any(line.startswith("Tài khoản biên tập mẫu") for line in demo.demo_login_lines())
    assert not password_file.exists()


def test_password_differs_per_install(var_dir):
    passwords = []
    for _install in range(2):
        get_user_model().objects.filter(username="bientap").delete()
        demo.create_demo_editor()
        passwords.append((var_dir / "demo_editor_password").read_text(encoding="utf-8").strip())
    assert passwords[0] != passwords[1]
    assert all(len(password) >= 16 for password in passwords)
    assert get_user_model().objects.get(username="bientap").check_password(passwords[1])


def test_a_database_with_an_account_gets_no_demo(var_dir):
    get_user_model().objects.create_superuser("quantri", "qt@example.vn", "mat-khau-dai-123")

    output = load_demo()

    assert output == "Không nạp dữ liệu mẫu: cơ sở dữ liệu đã có dữ liệu.\n"
    assert not HomePage.objects.exists()
    assert not get_user_model().objects.filter(username="bientap").exists()
    assert demo.demo_login_lines() == []


def test_rolled_back_load_prints_no_login(var_dir):
    with transaction.atomic():
        demo.create_demo_editor()
        transaction.set_rollback(True)

    assert demo.demo_login_lines() == []
    assert not (var_dir / "demo_editor_password").exists()


def test_deleted_demo_accounts_are_not_printed(var_dir):
    load_demo()
    get_user_model().objects.filter(username="bientap").delete()
    assert not any(line.startswith("Tài khoản biên tập mẫu") for line in demo.demo_login_lines())

    # Every demo account, the apps' (added through add_demo_accounts) as well as core's.
    usernames = [account.username for account in demo.demo_accounts()]
    get_user_model().objects.filter(username__in=usernames).delete()
    assert demo.demo_login_lines() == []
    assert not any(demo.password_file(username).exists() for username in usernames)


def test_make_run_demo_0_starts_without_the_demo():
    def run_command(*arguments):
        return (
            subprocess.run(  # noqa: S603
                ["make", "--no-print-directory", "--dry-run", "run", *arguments],  # noqa: S607
                cwd=REPO_DIR,
                capture_output=True,
                text=True,
                check=True,
            )
            .stdout.strip()
            .splitlines()[-1]
        )

    assert run_command("DEMO=0").endswith("run_portal --host 127.0.0.1 --port 8000 --no-demo")
    assert "--no-demo" not in run_command()


def test_every_ordered_demo_row_has_its_place(var_dir):
    """Rows with no `sort_order` come back in any order from PostgreSQL (after a restore too)."""
    from django.apps import apps
    from wagtail.models import Orderable

    load_demo()
    ordered = [model for model in apps.get_models() if issubclass(model, Orderable)]
    assert len(ordered) >= 4
    for model in ordered:
        assert not model.objects.filter(sort_order__isnull=True).exists(), model.__name__
