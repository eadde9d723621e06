"""Both backends give the same numbers for the same hits; the buffer loses nothing."""

import multiprocessing
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from congdoan.news.factories import ArticlePageFactory, SectionPageFactory
from congdoan.visitors.backends import Hit, get_backend
from congdoan.visitors.buffer import HitBuffer

from .conftest import use_redis

START = datetime(2025, 6, 1, 16, 50, tzinfo=UTC)  # 23:50 in Vietnam: the day changes mid-way


def hit_sequence(article_ids):
    """Visitors a-e with reloads, gaps just under and over each window, and a day change."""
    first, second = article_ids
    steps = [
        (0, "a", first), (10, "a", first), (20, "b", None), (30, "c", second),
        (240, "a", second), (299, "b", first), (600, "d", None), (1799, "a", None),
        (1830, "c", second), (3600, "a", first), (3700, "e", first), (3700, "e", first),
        (5500, "b", None), (5600, "d", second), (7400, "a", first),
    ]  # fmt: skip
    return [Hit(START.timestamp() + offset, visitor, page) for offset, visitor, page in steps]


def observe(article_ids) -> dict:
    """Feed the sequence to the configured backend, reading numbers along the way."""
    backend = get_backend()
    seen = {}
    with time_machine.travel(START, tick=False) as traveller:
        for hit in hit_sequence(article_ids):
            traveller.move_to(datetime.fromtimestamp(hit.at, UTC))
            backend.record(hit)
            backend.flush()
            seen[hit.at] = (backend.online(hit.at), backend.visits_total())
        traveller.shift(timedelta(minutes=4))
        backend.flush()
        first_day, last_day = START.date(), START.date() + timedelta(days=2)
        return {
            "along_the_way": seen,
            "online_after": backend.online(START.timestamp() + 7640),
            "total": backend.visits_total(),
            "daily": backend.daily(first_day, last_day),
            "views_24h": backend.page_views_since(START.timestamp() - 3600),
        }


@pytest.mark.django_db
@pytest.mark.redis
def test_database_and_redis_give_identical_numbers(settings, redis_url, home_page):
    section = SectionPageFactory(parent=home_page)
    article_ids = [ArticlePageFactory(parent=section).pk, ArticlePageFactory(parent=section).pk]

    database = observe(article_ids)
    client, prefix = use_redis(settings, redis_url)
    try:
        redis = observe(article_ids)
    finally:
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)

    assert redis == database
    # And both are right: visits of a (0, 3600, 7400), b (20, 5500), c (30, 1830), d (600, 5600), e.
    assert database["total"] == 10
    assert database["daily"] == {
        START.date(): (3, 6),  # before midnight in Vietnam (the first 600 s)
        START.date() + timedelta(days=1): (7, 9),
    }
    first, second = article_ids
    assert database["views_24h"] == {first: 5, second: 4}


def append_lines(directory, worker, count):
    buffer = HitBuffer(directory)
    for number in range(count):
        buffer.append(f"{worker}\t{number}\t")


def test_buffer_loses_no_hit_across_processes_while_draining(tmp_path):
    workers, per_worker = 4, 500
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(target=append_lines, args=(tmp_path, worker, per_worker))
        for worker in range(workers)
    ]
    for process in processes:
        process.start()
    buffer = HitBuffer(tmp_path)
    drained = []
    while any(process.is_alive() for process in processes) or buffer.has_hits():
        with buffer.drain() as lines:
            drained.extend(lines)
    for process in processes:
        process.join()
    assert sorted(drained) == sorted(
        f"{worker}\t{number}\t" for worker in range(workers) for number in range(per_worker)
    )


def test_failed_flush_keeps_hits_for_the_next_one(tmp_path):
    buffer = HitBuffer(tmp_path)
    buffer.append("1\tvisitor\t")
    with pytest.raises(RuntimeError), buffer.drain():
        raise RuntimeError("database down")
    buffer.append("2\tvisitor\t")
    with buffer.drain() as lines:
        assert lines == ["1\tvisitor\t", "2\tvisitor\t"]
    assert not buffer.has_hits()
