"""The demo's painted photographs: a scene per caption, photograph-like, the same every time."""

import io

import pytest
from PIL import Image, ImageStat

from congdoan.core import demo_media
from congdoan.core.demo_media import placeholder_jpeg, scene_jpeg
from congdoan.core.demo_scenes import paint_scene, scene_for


@pytest.mark.parametrize(
    ("caption", "scene"),
    [
        ("Đoàn Chủ tịch điều hành phiên khai mạc Đại hội", "hall"),
        ("Trao quà cho công nhân có hoàn cảnh khó khăn", "outdoor"),
        ("Thi đấu kéo co nam nữ phối hợp", "sports"),
        ("Huấn luyện an toàn, vệ sinh lao động", "workshop"),
    ],
)
def test_the_caption_chooses_the_scene(caption, scene):
    assert scene_for(caption) == scene


def photo_statistics(picture: Image.Image) -> tuple[int, float]:
    """Distinct colours, and how much the picture changes from left to right (a gradient or a
    flat card changes only from top to bottom)."""
    colours = picture.getcolors(maxcolors=1 << 24)
    columns = picture.convert("L").resize((64, 1), Image.BOX)
    return len(colours), ImageStat.Stat(columns).stddev[0]


@pytest.mark.parametrize(
    "caption",
    ["Khai mạc Đại hội", "Trao quà Tết", "Giải bóng đá công nhân", "Khám sức khỏe miễn phí"],
)
def test_every_scene_is_photograph_like_where_the_old_placeholder_was_not(caption):
    scene = paint_scene(f"Ảnh: {caption}", caption, 480, 320)
    flat = Image.open(io.BytesIO(placeholder_jpeg(caption, 480, 320))).convert("RGB")

    scene_colours, scene_variation = photo_statistics(scene)
    flat_colours, _ = photo_statistics(flat)

    assert scene.size == (480, 320)
    assert scene_colours > 20_000
    assert scene_colours > 3 * flat_colours
    assert scene_variation > 4


def test_the_same_title_paints_the_same_picture_and_another_title_another():
    first = paint_scene("Hội nghị A", "Hội nghị tổng kết", 320, 200).tobytes()
    again = paint_scene("Hội nghị A", "Hội nghị tổng kết", 320, 200).tobytes()
    other = paint_scene("Hội nghị B", "Hội nghị tổng kết", 320, 200).tobytes()
    assert first == again
    assert first != other


def test_a_painted_picture_is_kept_and_not_painted_twice(tmp_path, monkeypatch):
    monkeypatch.setattr(demo_media.tempfile, "gettempdir", lambda: str(tmp_path))
    data = scene_jpeg("Đại hội", "Đại hội công đoàn", 320, 200)

    def paint_again(*args):
        raise AssertionError("painted twice")

    monkeypatch.setattr(demo_media, "paint_scene", paint_again)

    assert scene_jpeg("Đại hội", "Đại hội công đoàn", 320, 200) == data
    assert Image.open(io.BytesIO(data)).format == "JPEG"
    assert len(list((tmp_path / "congdoan-demo-scenes").glob("*.jpg"))) == 1
