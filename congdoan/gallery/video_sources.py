"""External video links (YouTube, Facebook): recognising them and their privacy-friendly embeds."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlparse

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
FACEBOOK_HOSTS = {"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"}


@dataclass(frozen=True)
class ExternalVideo:
    provider: str
    url: str
    embed_url: str


def _youtube_id(parsed) -> str | None:
    host = parsed.netloc.lower()
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parsed.path.strip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS:
        parts = parsed.path.strip("/").split("/")
        if parts[0] == "watch":
            candidate = parse_qs(parsed.query).get("v", [""])[0]
        elif parts[0] in {"embed", "shorts", "live", "v"} and len(parts) > 1:
            candidate = parts[1]
        else:
            return None
    else:
        return None
    return candidate if YOUTUBE_ID.match(candidate) else None


def parse_external_video(url: str) -> ExternalVideo | None:
    """The video behind a YouTube or Facebook link, or None when it is not one."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in {"http", "https"}:
        return None
    video_id = _youtube_id(parsed)
    if video_id:
        return ExternalVideo(
            "youtube",
            f"https://www.youtube.com/watch?v={video_id}",
            f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1&rel=0",
        )
    host = parsed.netloc.lower()
    is_facebook_video = (
        host in FACEBOOK_HOSTS
        and ("/videos/" in parsed.path or "/watch" in parsed.path or "/reel/" in parsed.path)
    ) or host == "fb.watch"
    if is_facebook_video:
        return ExternalVideo(
            "facebook",
            url.strip(),
            "https://www.facebook.com/plugins/video.php?autoplay=true&show_text=false&href="
            + quote(url.strip(), safe=""),
        )
    return None
