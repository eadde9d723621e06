"""Demo albums and videos: generated photos, one generated MP4 and two YouTube links."""

import io
from datetime import date

from django.core.files.base import ContentFile

from congdoan.core.demo_media import demo_image
from congdoan.core.models import HomePage
from congdoan.gallery.models import AlbumIndexPage, AlbumPage, AlbumPhoto, VideoIndexPage, VideoPage

ALBUMS = [
    {
        "title": "Đại hội Công đoàn tỉnh lần thứ XVII, nhiệm kỳ 2023 – 2028",
        "date": date(2023, 6, 15),
        "location": "Hội trường Trung tâm Hội nghị tỉnh",
        "description": "Những hình ảnh tại phiên trọng thể Đại hội Công đoàn tỉnh.",
        "photographer": "Minh Đức",
        "captions": [
            "Đoàn Chủ tịch điều hành phiên khai mạc Đại hội",
            "Các đại biểu biểu quyết thông qua chương trình làm việc",
            "Đồng chí Chủ tịch LĐLĐ tỉnh trình bày báo cáo chính trị",
            "Đại biểu công nhân phát biểu tham luận",
            "Ban Chấp hành khóa mới ra mắt Đại hội",
            "Tặng hoa chúc mừng Ban Chấp hành khóa mới",
            "Đại biểu dự Đại hội chụp ảnh lưu niệm",
            "Toàn cảnh hội trường phiên bế mạc",
        ],
    },
    {
        "title": "Tháng Công nhân 2024: chăm lo cho đoàn viên khu công nghiệp",
        "date": date(2024, 5, 10),
        "location": "Khu công nghiệp Lương Sơn",
        "description": "Chuỗi hoạt động Tháng Công nhân tại doanh nghiệp trong khu công nghiệp.",
        "photographer": "Thu Hà",
        "captions": [
            "Trao quà cho công nhân có hoàn cảnh khó khăn",
            "Khám sức khỏe miễn phí cho người lao động",
            "Chương trình “Phiên chợ Công đoàn” bán hàng giá ưu đãi",
            "Giải bóng đá công nhân khu công nghiệp",
            "Đối thoại giữa người lao động và lãnh đạo doanh nghiệp",
            "Tuyên truyền pháp luật lao động tại nhà trọ công nhân",
            "Trao “Mái ấm Công đoàn” cho đoàn viên",
            "Văn nghệ chào mừng Tháng Công nhân",
        ],
    },
    {
        "title": "Hội thao công nhân viên chức lao động năm 2024",
        "date": date(2024, 9, 20),
        "location": "Nhà thi đấu thể thao tỉnh",
        "description": "Hơn 500 vận động viên tranh tài ở 6 môn thể thao.",
        "photographer": "Quang Huy",
        "captions": [
            "Lễ khai mạc Hội thao",
            "Các đoàn vận động viên diễu hành",
            "Thi đấu kéo co nam nữ phối hợp",
            "Môn cầu lông đôi nam",
            "Môn bóng chuyền hơi nữ",
            "Cổ động viên cổ vũ nhiệt tình",
            "Trao giải cho các đội đạt thành tích cao",
            "Ban tổ chức chụp ảnh cùng các vận động viên",
            "Bế mạc Hội thao",
        ],
    },
]

EXTERNAL_VIDEOS = [
    {
        "title": "Phóng sự: Công đoàn đồng hành cùng người lao động",
        "url": "https://www.youtube.com/watch?v=Xb2p6tSgXU0",
        "date": date(2024, 7, 28),
        "duration": 512,
        "description": "Phóng sự về hoạt động chăm lo đời sống đoàn viên, người lao động.",
    },
    {
        "title": "Bài hát: Bài ca người thợ mỏ – Chào mừng Ngày thành lập Công đoàn Việt Nam",
        "url": "https://www.youtube.com/watch?v=kJQP7kiw5Fk",
        "date": date(2024, 7, 20),
        "duration": 245,
        "description": "Ca khúc chào mừng kỷ niệm Ngày thành lập Công đoàn Việt Nam 28/7.",
    },
]

UPLOADED_VIDEO = {
    "title": "Trailer Đại hội Công đoàn tỉnh",
    "date": date(2023, 6, 10),
    "description": "Đoạn giới thiệu ngắn trước thềm Đại hội Công đoàn tỉnh.",
}


def generated_mp4(label: str, seconds: int = 4, fps: int = 10) -> bytes:
    """A small H.264 MP4 drawn frame by frame with Pillow and encoded by PyAV."""
    import av
    from PIL import Image, ImageDraw

    from congdoan.core.demo_scenes import bold_font

    buffer = io.BytesIO()
    font = bold_font(22)
    with av.open(buffer, mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 480, 270, "yuv420p"
        for index in range(seconds * fps):
            shade = int(120 * index / (seconds * fps))
            frame = Image.new("RGB", (480, 270), (20 + shade, 50, 140 - shade // 2))
            draw = ImageDraw.Draw(frame)
            draw.text((24, 110), label, font=font, fill=(255, 255, 255))
            draw.rectangle([24, 160, 24 + index * 430 // (seconds * fps), 168], fill=(255, 210, 0))
            for packet in stream.encode(av.VideoFrame.from_image(frame)):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()


def ensure_index(home, model, title):
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    index = model(title=title, show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_album(index, data):
    if AlbumPage.objects.filter(title=data["title"]).exists():
        return
    album = AlbumPage(
        title=data["title"],
        event_date=data["date"],
        location=data["location"],
        description=data["description"],
    )
    for number, caption in enumerate(data["captions"], start=1):
        image = demo_image(f"{data['title']} – ảnh {number}", caption, 1600, 1067)
        album.photos.add(
            AlbumPhoto(
                image=image,
                caption=caption,
                alt_text=caption,
                photographer=data["photographer"],
                sort_order=number,
            )
        )
    index.add_child(instance=album)
    album.save_revision().publish()


def ensure_video(index, title, **fields):
    if VideoPage.objects.filter(title=title).exists():
        return
    video = VideoPage(title=title, poster=demo_image(f"Video: {title}", title), **fields)
    index.add_child(instance=video)
    video.save_revision().publish()


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    albums = ensure_index(home, AlbumIndexPage, "Ảnh hoạt động")
    for data in ALBUMS:
        ensure_album(albums, data)
    videos = ensure_index(home, VideoIndexPage, "Video")
    for data in EXTERNAL_VIDEOS:
        ensure_video(
            videos,
            data["title"],
            external_url=data["url"],
            date=data["date"],
            duration=data["duration"],
            description=data["description"],
        )
    if not VideoPage.objects.filter(title=UPLOADED_VIDEO["title"]).exists():
        ensure_video(
            videos,
            UPLOADED_VIDEO["title"],
            video_file=ContentFile(
                generated_mp4("Đại hội Công đoàn tỉnh"), name="trailer-dai-hoi.mp4"
            ),
            date=UPLOADED_VIDEO["date"],
            duration=4,
            description=UPLOADED_VIDEO["description"],
        )
