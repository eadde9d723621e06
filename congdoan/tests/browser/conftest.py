"""The browser suite's shared demo site: `load_demo` runs once for the whole package.

Loading the demo costs far more than any flow (pictures are generated, renditions made), so every
test here uses one demo site behind one live server thread of its own.

The package holds one transaction open from before the demo is loaded until its last test ends,
then rolls it back: the database is exactly as the migrations left it for the tests that follow.
Each test is an ordinary `django_db` test, run in a savepoint rolled back at its end. The test
database is in-memory SQLite, whose one connection the server thread shares, so what a test
changes through the browser (an article sent, a new article published) is rolled back too and the
next test sees the demo as loaded. (Ordinary `live_server` tests are transactional: they flush
every table after each test, which would throw the demo away.)

Work deferred to a commit (`transaction.on_commit`) does not happen here: nothing these tests
check depends on it (the page cache is off under the test settings; tasks run at once).
"""

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from conftest import require_service

REPO = Path(__file__).resolve().parents[3]
NODE_MODULES = REPO / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Passwords the flows type into the real login form (the demo draws random ones).
PASSWORD = "mat-khau-thu-nghiem-2026"


@pytest.fixture(scope="package")
def demo_server(django_db_setup, django_db_blocker):
    """The demo site behind a live server thread; its URL. Loaded once for the package."""
    from pytest_django.live_server_helper import LiveServer

    from congdoan.core.demo import database_is_empty

    with django_db_blocker.unblock():
        # `django_db` tests run before transactional ones: the migrated state is still here.
        if not database_is_empty():
            pytest.fail("the browser suite needs the database as the migrations left it")
        package_transaction = transaction.atomic()
        package_transaction.__enter__()
        call_command("load_demo", no_login=True, stdout=io.StringIO())
        set_known_passwords()
    server = LiveServer("localhost")
    yield server.url
    server.stop()
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        package_transaction.__exit__(None, None, None)


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
