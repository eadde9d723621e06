"""How a feature app plugs into the portal without `core` knowing it exists.

`core` is the base layer: its templates, blocks and pages never name a feature app. Instead,
each app says what it adds to every page by setting a `portal` attribute on its `AppConfig` to
a `PortalContributions`; for a hypothetical `congdoan.events` app::

    class EventsConfig(AppConfig):
        name = "congdoan.events"
        portal = PortalContributions(
            stylesheets=("events/events.css",),
            sidebar_templates=("events/upcoming.html",),
            article_body_blocks=(("event", "congdoan.events.blocks.EventBlock"),),
        )

Core then asks this module, e.g. `contributions("sidebar_templates")`, and gets every installed
app's entries in `INSTALLED_APPS` order. Removing an app from `INSTALLED_APPS` removes all it
contributed, and nothing else has to change.

Why AppConfig attributes rather than Wagtail hooks: the article body's StreamField blocks are
built while models are imported, before any `AppConfig.ready()` runs and before Wagtail loads the
`wagtail_hooks` modules. App configs already exist at that moment, so one mechanism serves blocks,
templates and assets alike. Entries that name code (blocks, filters, loaders) are dotted paths,
imported only when asked for, so declaring them never imports the app's models early.

Events are the other direction (something happened, whoever cares reacts): they are the Django
signals in `congdoan.core.signals`, sent by the app that owns the content.
"""

from dataclasses import dataclass, fields
from functools import cache

from django.apps import apps
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class MenuEntry:
    """A main-menu link to a view that is not a page in the tree (e.g. a document library)."""

    label: str
    url_name: str


@dataclass(frozen=True)
class Placed:
    """A sidebar or home template with its place: lower `order` comes first (plain strings: 100).

    Apps are otherwise listed in INSTALLED_APPS order; `order` lets, e.g., "most read" open the
    sidebar and the visitor counter close it although both come from one app.
    """

    template: str
    order: int = 100


DEFAULT_ORDER = 100


@dataclass(frozen=True)
class PortalContributions:
    """What one app adds to the portal. Every field is optional; all are tuples."""

    # Static paths linked once in every page's <head> / loaded (deferred) before </body>.
    stylesheets: tuple[str, ...] = ()
    scripts: tuple[str, ...] = ()
    # Templates included, with the page's context, in <head> and at the end of <body>.
    head_templates: tuple[str, ...] = ()
    body_end_templates: tuple[str, ...] = ()
    # Widgets of the sidebar, and blocks of the home page (template names or `Placed`).
    sidebar_templates: tuple[str | Placed, ...] = ()
    header_templates: tuple[str | Placed, ...] = ()
    footer_templates: tuple[str | Placed, ...] = ()
    home_templates: tuple[str | Placed, ...] = ()
    menu_entries: tuple[MenuEntry, ...] = ()
    # (block name, dotted path of a Block class) added to the article body StreamField. The name
    # is what stored content refers to: never rename it.
    article_body_blocks: tuple[tuple[str, str], ...] = ()
    # Dotted paths of `str -> str` functions applied, in order, to rendered paragraph HTML.
    rich_text_filters: tuple[str, ...] = ()
    # Models (app_label.ModelName) whose pages count as articles for lists such as "most read".
    article_models: tuple[str, ...] = ()
    # Dotted paths of `source(containing="")` functions yielding (page, html) for every live page
    # holding article text; `containing` is a hint to skip pages whose text lacks it.
    page_text_sources: tuple[str, ...] = ()
    # Dotted path of `load(stdout)`, run by `manage.py load_demo` in INSTALLED_APPS order.
    demo_loader: str = ""
    # Periodic housekeeping, dicts shaped like settings.SCHEDULED_COMMANDS entries
    # ({"name", "command", "args", "every"}), run by `run_scheduler` after the settings' ones.
    scheduled_commands: tuple[dict, ...] = ()


CONTRIBUTION_NAMES = frozenset(field.name for field in fields(PortalContributions))


def app_contributions() -> list[tuple[str, PortalContributions]]:
    """(app label, contributions) of every installed app that declares some."""
    return [
        (config.label, config.portal)
        for config in apps.get_app_configs()
        if isinstance(getattr(config, "portal", None), PortalContributions)
    ]


def contributions(name: str) -> list:
    """Every installed app's entries for one field, in app order, each entry once.

    Deduplication is what links a stylesheet once per page however many apps or blocks want it.
    """
    if name not in CONTRIBUTION_NAMES:
        raise KeyError(f"{name!r} is not a field of PortalContributions")
    entries = []
    for _label, portal in app_contributions():
        value = getattr(portal, name)
        for entry in value if isinstance(value, tuple) else [value]:
            if entry and entry not in entries:
                entries.append(entry)
    return entries


def placed_templates(name: str) -> list[str]:
    """The template names of a `Placed` field (`sidebar_templates`, `home_templates`,
    `header_templates`, `footer_templates`), in their places."""
    entries = [
        entry if isinstance(entry, Placed) else Placed(entry, DEFAULT_ORDER)
        for entry in contributions(name)
    ]
    return [entry.template for entry in sorted(entries, key=lambda entry: entry.order)]


@cache
def _imported(dotted_path: str):
    return import_string(dotted_path)


def contributed_callables(name: str) -> list:
    """The functions or classes named by dotted paths in one field, imported."""
    return [_imported(path) for path in contributions(name)]


def article_body_blocks() -> list[tuple[str, object]]:
    """(name, block instance) pairs that apps add to the article body, for a StreamBlock."""
    return [(name, _imported(path)()) for name, path in contributions("article_body_blocks")]


def filter_rich_text(html: str) -> str:
    """Rendered paragraph HTML after every contributed filter (e.g. links to cited documents)."""
    for text_filter in contributed_callables("rich_text_filters"):
        html = text_filter(html)
    return html


def article_models() -> list:
    """The model classes that apps declare as articles."""
    return [apps.get_model(label) for label in contributions("article_models")]


def live_page_texts(containing: str = ""):
    """(page, html) of every live page with article text, from every contributing app."""
    for source in contributed_callables("page_text_sources"):
        yield from source(containing=containing)
