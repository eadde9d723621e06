"""Things other than pages whose views the visitor counter counts, e.g. legal documents.

An app registers a model and the field that holds its lifetime view total; its page then names
the item to the beacon (`visitors_item` in the template context, "kind:pk"). Views are deduplicated
like article views (one per visitor per VISITORS_ARTICLE_VIEW_WINDOW_SECONDS) and added to the
field by the counter, never by rendering the page: a GET writes nothing.
"""

import re
from dataclasses import dataclass

from django.db.models import F, Model

ITEM_PATTERN = re.compile(r"^([a-z][a-z_.]{0,40}):([1-9][0-9]{0,9})$")


@dataclass(frozen=True)
class CountedModel:
    model: type[Model]
    field: str


_registry: dict[str, CountedModel] = {}


def register(kind: str, model: type[Model], field: str) -> None:
    """Count views of `model` objects named "kind:pk" by the beacon into `field`."""
    _registry[kind] = CountedModel(model, field)


def item_key(kind: str, pk: int) -> str:
    return f"{kind}:{pk}"


def parse_item(value: str | None) -> str:
    """A registered "kind:pk", or "" for anything else (unknown kinds, junk, huge numbers)."""
    match = ITEM_PATTERN.match(value or "")
    if match is None or match.group(1) not in _registry:
        return ""
    return value


def existing(items) -> set[str]:
    """Those of the items whose object exists: views of deleted or made-up ids are not kept."""
    by_kind: dict[str, set[int]] = {}
    for item in items:
        kind, pk = item.split(":")
        by_kind.setdefault(kind, set()).add(int(pk))
    found = set()
    for kind, pks in by_kind.items():
        counted = _registry.get(kind)
        if counted is not None:
            rows = counted.model.objects.filter(pk__in=pks).values_list("pk", flat=True)
            found |= {item_key(kind, pk) for pk in rows}
    return found


def add_views(views: dict[str, int]) -> None:
    """Add counted views to each item's total."""
    for item, count in views.items():
        kind, pk = item.split(":")
        counted = _registry[kind]
        counted.model.objects.filter(pk=int(pk)).update(**{counted.field: F(counted.field) + count})
