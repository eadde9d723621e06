from .album_index_page import AlbumIndexPage
from .album_page import AlbumPage, AlbumPhoto
from .video_index_page import VideoIndexPage
from .video_page import VideoPage

__all__ = ["AlbumIndexPage", "AlbumPage", "AlbumPhoto", "VideoIndexPage", "VideoPage"]
