"""Values computed once per request and shared by every template tag and query that needs them.

A page render asks the same questions many times: which page view restrictions exist (every
`.public()` listing, the privacy check before serving), the latest albums (the sidebar and the
home page block). `remember(key, compute)` answers each once per request:

    albums = remember(("latest-albums", 4), lambda: list(AlbumPage.objects...[:4]))

The memo lives from Django's `request_started` to `request_finished` signal, in a context
variable, so threads serving other requests never see it. Outside a request (tasks, management
commands, shell) nothing is remembered and `compute` runs every time, so a value can never be
stale there. Within a request, code that changes what a key depends on calls `forget(key)`.
"""

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.core.signals import request_finished, request_started

Value = TypeVar("Value")

_memo: ContextVar[dict | None] = ContextVar("congdoan_request_memo", default=None)


def remember(key: Hashable, compute: Callable[[], Value]) -> Value:
    """`compute()` once per request for `key`; called every time outside a request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget(key: Hashable) -> None:
    """Drop one remembered value (its data changed during the request)."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


def _start(**kwargs) -> None:
    _memo.set({})


def _finish(**kwargs) -> None:
    _memo.set(None)


def connect_signals() -> None:
    request_started.connect(_start, dispatch_uid="core-request-memo-start")
    request_finished.connect(_finish, dispatch_uid="core-request-memo-finish")
