"""The browser suite's shared demo site: `load_demo` runs once for the whole package.

Loading the demo costs far more than any flow (pictures are generated, renditions made), so every
test here uses one demo site, committed once, behind one live server thread of its own.

The tests are ordinary `django_db` tests: each runs in a transaction rolled back at its end.
The test database is in-memory SQLite, whose one connection the server thread shares, so what a
test changes through the browser (an article sent, a new article published) is rolled back too
and the next test sees the demo as loaded. (Ordinary `live_server` tests are transactional and
flush every table after each test, which would throw the demo away.) The package restores the
migrated state at its end, so the tests that run later find what they would have found anyway.

Work done at commit (`transaction.on_commit`) does not happen inside these tests: nothing they
check depends on it (the page cache is off under the test settings; tasks run at once).
"""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import require_service

REPO = Path(__file__).resolve().parents[3]
NODE_MODULES = REPO / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Passwords the flows type into the real login form (the demo draws random ones).
PASSWORD = "mat-khau-thu-nghiem-2026"


def restore_migrated_state():
    """Empty every table, then reload what the migrations created (root page, site, roles)."""
    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is None:
        # Nothing was serialized because no test before asked for it: then no transactional test
        # has flushed the database either, and it still holds the migrated state.
        from wagtail.models import Page

        if not Page.objects.filter(depth=1).exists():
            pytest.fail("the test database lost its migrated state and no snapshot restores it")
        return
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(snapshot)


@pytest.fixture(scope="package")
def demo_server(django_db_setup, django_db_blocker):
    """The demo site behind a live server thread; its URL. Loaded once for the package."""
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        restore_migrated_state()
        call_command("load_demo", no_login=True, stdout=io.StringIO())
        set_known_passwords()
    server = LiveServer("localhost")
    yield server.url
    server.stop()
    with django_db_blocker.unblock():
        restore_migrated_state()


def set_known_passwords():
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.all():
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


@pytest.fixture
def site_url(demo_server, db):
    """The demo site's URL, for a test whose changes are rolled back at its end."""
    return demo_server


@pytest.fixture
def axe_script():
    require_service("axe-core", AXE_SCRIPT.exists(), "install Node and run `make install`")
    return AXE_SCRIPT.read_text()


@pytest.fixture
def vnu_command():
    java = shutil.which("java")
    require_service("java", java is not None, "apt-get install default-jre-headless")
    require_service("vnu-jar", VNU_JAR.exists(), "install Node and run `make install`")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
