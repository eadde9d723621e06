"""The background task bench/faults.py enqueues (importable by its workers as `fault_tasks`).

It notes each start and its end in files, so the bench sees when a worker is running it and
whether it ran to the end after that worker was killed.
"""

import time
from pathlib import Path

from django_tasks import task


@task(queue_name="default")
def marked_task(directory: str, name: str, seconds: float) -> str:
    folder = Path(directory)
    with open(folder / f"{name}.started", "a") as starts:
        starts.write(f"{time.time()}\n")
    time.sleep(seconds)
    (folder / f"{name}.done").write_text(f"{time.time()}\n")
    return name
