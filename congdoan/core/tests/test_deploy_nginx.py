"""deploy/nginx/congdoan.conf, checked by nginx itself and then served in front of a real app.

The config is used as shipped: only its marked paths, ports and certificate are replaced by ones
under a temporary directory (`render_site_config`), and it is read inside a minimal nginx.conf as
Debian's /etc/nginx/nginx.conf reads sites-enabled.
"""

import gzip
import http.client
import os
import ssl
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from conftest import require_service
from congdoan.core.factories import HomePageFactory
from congdoan.core.tests.processes import free_port, shared_database_url

DEPLOY_NGINX = Path(settings.BASE_DIR) / "deploy" / "nginx"
NGINX = Path("/usr/sbin/nginx")
OPENSSL = Path("/usr/bin/openssl")
MODULES = Path("/usr/lib/nginx/modules")
CACHE_PURGE_MODULE = MODULES / "ngx_http_cache_purge_module.so"
BROTLI_MODULES = [
    MODULES / "ngx_http_brotli_filter_module.so",
    MODULES / "ngx_http_brotli_static_module.so",
]
PDF = b"%PDF-1.4\n% a document sent by nginx after Django checked it\n"
HASHED_CSS = "core/css/site.0123456789ab.css"
PLAIN_CSS = "core/css/site.css"


@dataclass
class Site:
    """Where one test's nginx and app live."""

    root: Path
    http_port: int
    https_port: int
    purge_port: int
    media_root: Path

    @property
    def static_root(self) -> Path:
        return self.root / "static"

    @property
    def socket_path(self) -> Path:
        return self.root / "web.sock"


def require_nginx(brotli: bool = False):
    modules = [CACHE_PURGE_MODULE, *(BROTLI_MODULES if brotli else [])]
    require_service(
        "nginx with its modules, and openssl",
        NGINX.exists() and OPENSSL.exists() and all(module.exists() for module in modules),
        "apt-get install nginx libnginx-mod-http-cache-purge libnginx-mod-http-brotli-filter "
        "libnginx-mod-http-brotli-static openssl",
    )


def render_site_config(site: Site) -> str:
    """deploy/nginx/congdoan.conf with its production paths and ports replaced."""
    config = (DEPLOY_NGINX / "congdoan.conf").read_text(encoding="utf-8")
    replacements = {
        "listen [::]:80;\n": "",
        "listen [::]:443 ssl http2;\n": "",
        "listen 80;": f"listen 127.0.0.1:{site.http_port};",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{site.https_port} ssl http2;",
        "listen 127.0.0.1:8081;": f"listen 127.0.0.1:{site.purge_port};",
        "/srv/congdoan/var/static/": f"{site.static_root}/",
        "/srv/congdoan/var/media/": f"{site.media_root}/",
        "/run/congdoan/web.sock": str(site.socket_path),
        "/var/cache/nginx/congdoan": str(site.root / "cache"),
        "/etc/letsencrypt/live/congdoan.example.vn/": f"{site.root}/tls/",
        "/var/www/letsencrypt": str(site.root / "acme"),
    }
    for production, local in replacements.items():
        assert production in config, f"deploy/nginx/congdoan.conf no longer has {production!r}"
        config = config.replace(production, local)
    return config


def write_nginx_config(site: Site, brotli: bool) -> Path:
    """An nginx.conf reading the site config (and the brotli one) the way Debian's does."""
    for folder in ("tls", "acme", "logs", "temp", "static", "cache"):
        (site.root / folder).mkdir(exist_ok=True)
    (site.root / "congdoan.conf").write_text(render_site_config(site), encoding="utf-8")
    modules = [CACHE_PURGE_MODULE, *(BROTLI_MODULES if brotli else [])]
    temp = site.root / "temp"
    main = "\n".join(
        [
            # Workers must read the test's private temporary directory.
            "user root;" if os.geteuid() == 0 else "",
            *(f"load_module {module};" for module in modules),
            "worker_processes 1;",
            f"pid {site.root}/nginx.pid;",
            f"error_log {site.root}/logs/error.log;",
            "events { worker_connections 256; }",
            "http {",
            "  include /etc/nginx/mime.types;",
            "  default_type application/octet-stream;",
            f"  access_log {site.root}/logs/access.log;",
            *(
                f"  {kind}_temp_path {temp}/{kind};"
                for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
            ),
            f"  include {DEPLOY_NGINX / 'congdoan-brotli.conf'};" if brotli else "",
            f"  include {site.root / 'congdoan.conf'};",
            "}",
        ]
    )
    path = site.root / "nginx.conf"
    path.write_text(main + "\n", encoding="utf-8")
    return path


def make_certificate(site: Site):
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            str(OPENSSL),
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
            str(site.root / "tls" / "privkey.pem"),
            "-out",
            str(site.root / "tls" / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )


def nginx_command(config: Path, *args: str) -> list[str]:
    return [str(NGINX), "-p", str(config.parent), "-e", "stderr", "-c", str(config), *args]


def new_site(tmp_path: Path, media_root: Path | None = None) -> Site:
    return Site(
        root=tmp_path,
        http_port=free_port(),
        https_port=free_port(),
        purge_port=free_port(),
        media_root=media_root or tmp_path / "media",
    )


@pytest.mark.parametrize("brotli", [False, True], ids=["gzip-only", "with-brotli"])
def test_the_shipped_config_passes_nginx_t(tmp_path, brotli):
    """With the brotli modules and file, or without both: the config degrades to gzip."""
    require_nginx(brotli)
    site = new_site(tmp_path)
    config = write_nginx_config(site, brotli=brotli)
    make_certificate(site)
    result = subprocess.run(  # noqa: S603
        nginx_command(config, "-t"), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


@contextmanager
def running(argv: list[str], env: dict | None = None, log: Path | None = None):
    with open(log or os.devnull, "wb") as output:
        process = subprocess.Popen(  # noqa: S603
            argv,
            cwd=settings.BASE_DIR,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def app_environment(site: Site, tmp_path: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congdoan.core.tests.deploy_settings",
        "SECRET_KEY": "deploy-nginx-test-" + "x" * 50,
        "DATABASE_URL": shared_database_url(tmp_path),
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(site.media_root),
        "STATIC_ROOT": str(site.static_root),
        "ALLOWED_HOSTS": "localhost",
        "SERVE_MEDIA": "false",
        "MEDIA_ACCEL_REDIRECT_LOCATION": "/internal-media/",
        "TRUSTED_PROXY_COUNT": "1",
        "REDIS_URL": "",
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "LOG_LEVEL": "WARNING",
    }


class Client:
    """HTTP(S) requests to the test's nginx, from a chosen loopback address."""

    def __init__(self, site: Site):
        self.site = site
        self.tls = ssl.create_default_context()
        self.tls.check_hostname = False
        self.tls.verify_mode = ssl.CERT_NONE

    def request(
        self, method, path, headers=None, body=None, source="127.0.0.1", port=None, tls=True
    ):
        port = port or self.site.https_port
        if tls:
            conn = http.client.HTTPSConnection(
                "127.0.0.1", port, timeout=30, context=self.tls, source_address=(source, 0)
            )
        else:
            conn = http.client.HTTPConnection(
                "127.0.0.1", port, timeout=30, source_address=(source, 0)
            )
        try:
            conn.request(method, path, body=body, headers={"Host": "localhost", **(headers or {})})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)


def wait_for_app(client: Client, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "the app process exited"
        try:
            status, _, _ = client.get("/__client-ip__/")
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.5)
    raise AssertionError("the app did not answer through nginx")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_nginx_in_front_of_the_app(tmp_path):
    require_nginx(brotli=True)
    HomePageFactory.create_as_site_root(title="Trang chủ thử nginx")
    root_collection = Collection.get_first_root_node()
    documents = get_document_model().objects
    public = documents.create(
        title="Điều lệ", file=ContentFile(PDF, name="dieu-le.pdf"), collection=root_collection
    )
    private_collection = root_collection.add_child(name="Nội bộ")
    CollectionViewRestriction.objects.create(
        collection=private_collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="mat-khau",  # noqa: S106
    )
    private = documents.create(
        title="Biên bản", file=ContentFile(PDF, name="bien-ban.pdf"), collection=private_collection
    )

    site = new_site(tmp_path, media_root=Path(settings.MEDIA_ROOT))
    config = write_nginx_config(site, brotli=True)
    make_certificate(site)
    for name, text in ((HASHED_CSS, "body{color:red}"), (PLAIN_CSS, "body{color:blue}")):
        (site.static_root / name).parent.mkdir(parents=True, exist_ok=True)
        (site.static_root / name).write_text(text * 40, encoding="utf-8")

    app = [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "congdoan.wsgi:application",
        "--uds",
        str(site.socket_path),
        "--workers",
        "1",
        "--blocking-threads",
        "2",
    ]
    client = Client(site)
    with (
        running(app, env=app_environment(site, tmp_path), log=tmp_path / "app.log") as process,
        running(nginx_command(config, "-g", "daemon off;"), log=tmp_path / "nginx.log"),
    ):
        wait_for_app(client, process)

        # Plain HTTP only redirects to HTTPS.
        status, headers, _ = client.get("/tin-tuc/", port=site.http_port, tls=False)
        assert (status, headers["Location"]) == (301, "https://localhost/tin-tuc/")

        # The app sees the address nginx received the request from, never the client's header.
        _, _, body = client.get("/__client-ip__/", headers={"X-Forwarded-For": "203.0.113.9"})
        assert body == b"127.0.0.1"
        _, _, body = client.get("/__client-ip__/", source="127.0.0.2")
        assert body == b"127.0.0.2"

        # Static files: hashed names are immutable for a year, the others an hour.
        status, headers, body = client.get(f"/static/{HASHED_CSS}")
        assert status == 200
        assert body == b"body{color:red}" * 40
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        status, headers, _ = client.get(f"/static/{PLAIN_CSS}")
        assert (status, headers["Cache-Control"]) == (200, "public, max-age=3600")
        status, headers, body = client.get(
            f"/static/{HASHED_CSS}", headers={"Accept-Encoding": "br"}
        )
        assert (status, headers["Content-Encoding"]) == (200, "br")

        # A document: Django checks the collection and hands the sending to nginx.
        status, headers, body = client.get(f"/media/{public.file.name}")
        assert (status, body) == (200, PDF)
        assert headers["Content-Security-Policy"] == "default-src 'none'"
        assert client.get(f"/media/{private.file.name}")[0] == 404
        assert client.get(f"/internal-media/{public.file.name}")[0] == 404

        # The microcache: a second anonymous GET within its second is a HIT, gzip by nginx.
        status, headers, first = client.get("/", headers={"Accept-Encoding": "gzip"})
        assert (status, headers["X-Cache-Status"]) == (200, "MISS")
        assert headers["Content-Encoding"] == "gzip"
        assert "Trang chủ thử nginx" in gzip.decompress(first).decode()
        status, headers, _ = client.get("/")
        assert (status, headers["X-Cache-Status"]) == (200, "HIT")
        # A signed-in reader (session cookie) or an API client goes past the cache.
        headers = client.get("/", headers={"Cookie": "csrftoken=a; sessionid=abc"})[1]
        assert headers["X-Cache-Status"] == "BYPASS"
        headers = client.get("/", headers={"Authorization": "Bearer x"})[1]
        assert headers["X-Cache-Status"] == "BYPASS"
        # Responses the app marks private are never stored.
        for _ in range(2):
            assert client.get("/__client-ip__/")[1]["X-Cache-Status"] == "MISS"

        # PURGE from loopback drops the page; the next GET misses. Not from elsewhere.
        client.get("/")
        assert client.request("PURGE", "/", source="127.0.0.2")[0] == 403
        assert client.request("PURGE", "/")[0] == 200
        assert client.get("/")[1]["X-Cache-Status"] == "MISS"
        assert client.request("PURGE", "/nothing-cached-here/")[0] == 404
        # The app's frontend-cache purge over plain HTTP on loopback reaches the HTTPS pages.
        status, _, _ = client.request("PURGE", "/", port=site.purge_port, tls=False)
        assert status == 200
        assert client.get("/")[1]["X-Cache-Status"] == "MISS"
        assert client.get("/", port=site.purge_port, tls=False)[0] == 405

        # Public requests are small: 2 MB at most outside the admin.
        status, _, _ = client.request("POST", "/", body=b"x" * (3 * 1024 * 1024))
        assert status == 413

        # The app down (a restart, an upgrade): readers get the last copy of a cached page.
        assert client.get("/")[0] == 200
        process.terminate()
        process.wait(timeout=15)
        time.sleep(2.1)  # past the page's 1 s in the cache
        status, headers, body = client.get("/")
        assert (status, headers["X-Cache-Status"]) == (200, "STALE")
        assert "Trang chủ thử nginx" in body.decode()
        assert client.get("/__client-ip__/")[0] == 502
