"""An append-only file of hits shared by every process of one host.

Writers append one short line each (O_APPEND, under a shared lock); a flusher takes the exclusive
lock only to rename the file away, so no writer is ever mid-line in a file being read. Every lock
is taken on a freshly opened descriptor: flock() is per open file, so this also excludes threads
of the same process. A crash loses nothing: renamed files stay until their hits are applied.
"""

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

LOG_NAME = "hits.log"
PENDING_GLOB = "pending-*.log"


class HitBuffer:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.log_path = self.directory / LOG_NAME
        self.append_lock_path = self.directory / "append.lock"
        self.flush_lock_path = self.directory / "flush.lock"

    @contextmanager
    def _locked(self, path: Path, mode: int):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, mode)
            yield
        finally:
            os.close(fd)

    def append(self, line: str) -> None:
        data = line.encode() + b"\n"
        with self._locked(self.append_lock_path, fcntl.LOCK_SH):
            fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)

    def has_hits(self) -> bool:
        return self.log_path.exists() or any(self.directory.glob(PENDING_GLOB))

    @contextmanager
    def drain(self):
        """Yield every buffered line, oldest file first; delete them only if the block succeeds.

        Flushers are serialized by their own lock, held until the hits are applied.
        """
        with self._locked(self.flush_lock_path, fcntl.LOCK_EX):
            with self._locked(self.append_lock_path, fcntl.LOCK_EX):
                if self.log_path.exists():
                    target = self.directory / f"pending-{time.time_ns():020d}-{os.getpid()}.log"
                    os.rename(self.log_path, target)
            pending = sorted(self.directory.glob(PENDING_GLOB))
            lines = []
            for path in pending:
                lines.extend(path.read_text(encoding="utf-8").splitlines())
            yield lines
            for path in pending:
                path.unlink()
