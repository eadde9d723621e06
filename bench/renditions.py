"""Time to make the demo site's renditions, at Pillow's default AVIF speed and at ours.

.venv/bin/python bench/renditions.py                  # every demo image, speeds 6 and 9
.venv/bin/python bench/renditions.py --sample 6       # 6 images, scaled to the demo's count

Loads the demo into a throw-away test database (SQLite in memory, tasks queued and never run,
so only the JPEG sizes made on save exist), then, for each speed, deletes the renditions the
background task makes and times `generate_renditions` over the images, as the worker runs it.
Target: the whole demo in under 60 s at the speed `congdoan.core.images` uses.
"""

import argparse
import io
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from throwaway_database import throwaway_database  # noqa: E402


def measure(speeds: list[int], sample: int | None) -> None:
    with throwaway_database():
        from django.conf import settings
        from django.core.management import call_command
        from django.test.utils import override_settings

        logging.disable(logging.INFO)  # one line per task otherwise
        queue_only = override_settings(
            TASKS={
                "default": {
                    "BACKEND": "django_tasks.backends.dummy.DummyBackend",
                    "QUEUES": settings.TASK_QUEUES,
                }
            }
        )
        queue_only.enable()
        from wagtail.images.models import Image, Rendition

        from congdoan.core import images

        call_command("load_demo", stdout=io.StringIO())
        image_ids = list(Image.objects.order_by("pk").values_list("pk", flat=True))
        measured = image_ids[:sample] if sample else image_ids
        first_shown = images.first_shown_specs()
        print(f"demo images: {len(image_ids)}; measured: {len(measured)}")
        print(f"renditions per image: {len(images.all_specs())} ({len(first_shown)} made on save)")
        for speed in speeds:
            images.AVIF_ENCODER_SPEED = speed
            Rendition.objects.exclude(filter_spec__in=first_shown).delete()
            started, cpu_started = time.perf_counter(), time.process_time()
            images.generate_renditions.call(measured)
            seconds = time.perf_counter() - started
            cpu_seconds = time.process_time() - cpu_started
            avif = Rendition.objects.filter(
                image_id__in=measured, filter_spec__endswith="format-avif"
            )
            avif_bytes = sum(rendition.file.size for rendition in avif)
            scale = len(image_ids) / len(measured)
            print(
                f"speed {speed}: {seconds:.1f} s wall, {cpu_seconds:.1f} s CPU for "
                f"{len(measured)} images; the demo: {seconds * scale:.0f} s wall, "
                f"{cpu_seconds * scale:.0f} s CPU; AVIF {avif_bytes / 1024:.0f} KiB"
            )
        queue_only.disable()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speeds", type=int, nargs="+", default=[6, 9])
    parser.add_argument("--sample", type=int, help="measure this many images and scale")
    arguments = parser.parse_args()
    measure(arguments.speeds, arguments.sample)
