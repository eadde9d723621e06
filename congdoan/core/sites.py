"""The default Wagtail `Site` follows `SITE_URL`.

Wagtail builds every absolute page address (`page.full_url`, `get_full_url()`, the API's
`html_url`, the sitemap) from the Site's hostname and port. Its first migration creates
`localhost:80`, so unless the Site follows the configured public address, printed pages,
emailed links and feeds point to `http://localhost/`. `migrate` (run by every `make run`) brings
the default Site in line through `sync_default_site`, connected to `post_migrate`.
"""

import ipaddress
import logging
import os
from urllib.parse import urlsplit

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS

logger = logging.getLogger(__name__)

DEFAULT_PORTS = {"http": 80, "https": 443}
WILDCARD_HOSTS = {"0.0.0.0", "::", ""}  # noqa: S104 - names of "every interface", not a bind


def site_address(url: str) -> tuple[str, int]:
    """Hostname and port of a base URL: `https://cd.example.vn` -> ("cd.example.vn", 443)."""
    parts = urlsplit(url)
    if not parts.hostname:
        raise ValueError(f"SITE_URL has no host name: {url!r}")
    return parts.hostname, parts.port or DEFAULT_PORTS.get(parts.scheme, 80)


def served_url(host: str, port: int) -> str:
    """The base URL of a server listening on host:port, as a browser on this machine writes it."""
    if host in WILDCARD_HOSTS:
        host = "127.0.0.1"
    try:
        if ipaddress.ip_address(host).version == 6:
            host = f"[{host}]"
    except ValueError:
        pass  # a host name
    return f"http://{host}:{port}"


def default_site_url_to_served_address(host: str, port: int) -> str:
    """Without SITE_URL in the environment, make it the address `make run` serves.

    Called before migrating, so the Site follows it; the web server and worker inherit it
    through the environment.
    """
    url = os.environ.get("SITE_URL") or served_url(host, port)
    os.environ["SITE_URL"] = url
    settings.WAGTAILADMIN_BASE_URL = url
    settings.WAGTAILAPI_BASE_URL = url
    return url


def sync_default_site(using: str = DEFAULT_DB_ALIAS, **kwargs):
    """Give the default Site the hostname and port of SITE_URL; returns it (None without one)."""
    from wagtail.models import Site

    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None:
        return None
    hostname, port = site_address(settings.WAGTAILADMIN_BASE_URL)
    if (site.hostname, site.port) == (hostname, port):
        return site
    if Site.objects.using(using).filter(hostname=hostname, port=port).exists():
        logger.warning(
            "Default site left at %s:%s: another site already uses %s:%s",
            site.hostname,
            site.port,
            hostname,
            port,
        )
        return site
    site.hostname, site.port = hostname, port
    site.save(using=using, update_fields=["hostname", "port"])
    return site
