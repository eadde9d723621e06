"""Redis stopped: beacons still answer, hits wait in a file buffer, counted once it is back."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest
import redis

from conftest import require_service
from congdoan.core.tests.processes import free_port
from congdoan.visitors.backends import redis as redis_backend

from .conftest import post_hit, use_redis

REDIS_SERVER = "/usr/bin/redis-server"


class OwnRedis:
    """A redis-server of the test's own that keeps its data across a stop (dump.rdb)."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    def stop(self):
        """Save the data, then stop: the next start loads it, as a restarted Redis would."""
        redis.Redis.from_url(self.url).shutdown(save=True)
        self.process.wait(timeout=10)


@pytest.fixture
def own_redis(tmp_path):
    require_service(
        "redis-server", shutil.which(REDIS_SERVER) is not None, "apt-get install redis-server"
    )
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.process.kill()
        server.process.wait()


@pytest.mark.django_db
@pytest.mark.redis
def test_hits_during_a_redis_outage_are_counted_when_it_returns(
    client, settings, own_redis, monkeypatch
):
    monkeypatch.setattr(redis_backend, "OUTAGE_RETRY_SECONDS", 0)
    use_redis(settings, own_redis.url)
    assert post_hit(client, cid="before-the-outage").status_code == 204
    assert client.get("/api/visitors/").json()["total"] == 1

    own_redis.stop()
    for number in range(3):
        assert post_hit(client, cid=f"during-the-outage-{number}").status_code == 204
    # The numbers still answer: the last ones this process read.
    response = client.get("/api/visitors/")
    assert (response.status_code, response.json()["total"]) == (200, 1)
    buffered = Path(settings.VISITORS_BUFFER_DIR) / redis_backend.OUTAGE_BUFFER_FOLDER
    assert len((buffered / "hits.log").read_text().splitlines()) == 3

    own_redis.start()
    assert post_hit(client, cid="after-the-outage").status_code == 204
    numbers = client.get("/api/visitors/").json()
    assert numbers == {"online": 5, "total": 5}
    assert not list(buffered.glob("*.log"))


@pytest.mark.django_db
@pytest.mark.redis
def test_buffered_hits_are_applied_by_a_read_once_redis_is_back(
    client, settings, own_redis, monkeypatch
):
    monkeypatch.setattr(redis_backend, "OUTAGE_RETRY_SECONDS", 0)
    use_redis(settings, own_redis.url)
    post_hit(client, cid="reader-before-the-outage")
    own_redis.stop()
    post_hit(client, cid="reader-during-the-outage")
    own_redis.start()
    assert client.get("/api/visitors/").json() == {"online": 2, "total": 2}
