"""Checks on uploaded media, with messages an editor understands."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EBML_MAGIC = b"\x1a\x45\xdf\xa3"
VIDEO_EXTENSIONS = {"mp4": "mp4", "m4v": "mp4", "webm": "webm"}


def sniff_video_container(head: bytes) -> str | None:
    """'mp4' when the bytes start with an ISO-BMFF `ftyp` box, 'webm' for an EBML WebM header."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(EBML_MAGIC) and b"webm" in head[:256]:
        return "webm"
    return None


def validate_video_file(uploaded):
    name = getattr(uploaded, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in VIDEO_EXTENSIONS:
        raise ValidationError(
            _("Only MP4 or WebM video files can be uploaded (this file is “%(name)s”).")
            % {"name": name.rsplit("/", 1)[-1]},
            code="video_extension",
        )
    limit = settings.VIDEO_MAX_UPLOAD_SIZE
    if uploaded.size and uploaded.size > limit:
        raise ValidationError(
            _("The video is too large (%(size)d MB); the limit is %(limit)d MB.")
            % {"size": uploaded.size // (1024 * 1024), "limit": limit // (1024 * 1024)},
            code="video_size",
        )
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    head = uploaded.read(256)
    uploaded.seek(position)
    container = sniff_video_container(head)
    if container is None:
        raise ValidationError(
            _(
                "This file is not a video: its content is not MP4 or WebM, whatever its name. "
                "Export the video again as MP4 (H.264) and upload it."
            ),
            code="not_video",
        )
    if container != VIDEO_EXTENSIONS[extension]:
        raise ValidationError(
            _("The file name says %(extension)s but the content is %(container)s; rename it.")
            % {"extension": extension.upper(), "container": container.upper()},
            code="video_mismatch",
        )


def probe_duration(uploaded) -> int | None:
    """Whole seconds of an uploaded video read by FFmpeg (PyAV), or None when unreadable."""
    import av

    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        with av.open(uploaded, mode="r") as container:
            if container.duration:
                return round(container.duration / av.time_base)
            stream = next(iter(container.streams.video), None)
            if stream is not None and stream.duration and stream.time_base:
                return round(float(stream.duration * stream.time_base))
    except (av.FFmpegError, OSError, ValueError):
        return None
    finally:
        uploaded.seek(position)
    return None
