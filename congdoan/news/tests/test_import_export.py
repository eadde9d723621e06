import io
import json
from datetime import UTC, datetime

import pytest
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.images.models import Image
from wagtail.models import Page, Site

from congdoan.core.demo_media import placeholder_jpeg
from congdoan.core.factories import HomePageFactory
from congdoan.news.importing import html_to_blocks, import_articles
from congdoan.news.models import ArticlePage, SectionPage

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def article_line(**overrides):
    data = {
        "id": "old-1",
        "title": "Đại hội Công đoàn cơ sở Công ty May Hòa Bình nhiệm kỳ 2023 – 2028",
        "sapo": "Đại hội đã bầu Ban Chấp hành gồm 9 đồng chí.",
        "body_html": "<p>Đoạn <b>một</b>.</p><p>Đoạn hai.</p>",
        "section": "Tin cơ sở",
        "published_at": "2023-05-12T08:30:00+07:00",
        "tags": ["đại hội", "công đoàn cơ sở"],
        "author": "Minh Anh",
        "source": "Báo Lao Động",
    }
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False)


def write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_import(path):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_articles", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return False, out.getvalue(), err.getvalue() + str(error)
    return True, out.getvalue(), err.getvalue()


@pytest.fixture
def photo(tmp_path):
    (tmp_path / "anh").mkdir()
    path = tmp_path / "anh" / "dai-hoi.jpg"
    path.write_bytes(placeholder_jpeg("Đại hội", 640, 360))
    return path


def test_good_lines_become_published_articles(home_page, tmp_path, photo):
    path = write_jsonl(
        tmp_path / "articles.jsonl",
        [
            article_line(image="anh/dai-hoi.jpg", image_caption="Quang cảnh Đại hội."),
            article_line(id="old-2", title="Bài thứ hai", section="Tin tức – Sự kiện", tags=[]),
        ],
    )
    ok, out, _err = run_import(path)
    assert ok, _err
    assert "2" in out

    article = ArticlePage.objects.get(external_id="old-1")
    assert article.live and not article.has_unpublished_changes
    assert article.slug == "dai-hoi-cong-doan-co-so-cong-ty-may-hoa-binh-nhiem-ky-2023-2028"
    shown = datetime(2023, 5, 12, 1, 30, tzinfo=UTC)
    assert article.published_at == shown
    assert article.first_published_at == shown
    assert sorted(tag.name for tag in article.tags.all()) == ["công đoàn cơ sở", "đại hội"]
    assert article.author == "Minh Anh" and article.source == "Báo Lao Động"
    assert [block.block_type for block in article.body] == ["paragraph"]
    assert "<b>một</b>" in article.body[0].value.source
    assert article.cover_image.file.read() == photo.read_bytes()
    assert article.cover_alt == article.title
    assert article.cover_caption == "Quang cảnh Đại hội."

    section = article.get_parent().specific
    assert isinstance(section, SectionPage)
    assert section.title == "Tin cơ sở" and section.live and section.show_in_menus
    assert section.get_parent().pk == home_page.pk
    assert article.get_latest_revision().content["title"] == article.title


def test_existing_nested_section_is_reused(home_page, tmp_path):
    news = home_page.add_child(instance=SectionPage(title="Tin tức", slug="tin-tuc"))
    nested = news.add_child(instance=SectionPage(title="Tin cơ sở", slug="tin-co-so"))
    ok, _out, err = run_import(write_jsonl(tmp_path / "a.jsonl", [article_line()]))
    assert ok, err
    assert ArticlePage.objects.get(external_id="old-1").get_parent().pk == nested.pk
    assert SectionPage.objects.filter(title="Tin cơ sở").count() == 1


def test_bad_lines_are_reported_by_number_and_the_rest_imported(home_page, tmp_path):
    (tmp_path / "not-an-image.jpg").write_text("this is text, not a photo")
    lines = [
        article_line(id="good-1"),
        "{not json",
        article_line(id="bad-title", title=""),
        article_line(id="bad-date", published_at="12/05/2023"),
        article_line(id="naive-date", published_at="2023-05-12T08:30:00"),
        article_line(id="no-image", image="missing.jpg"),
        article_line(id="text-image", image="not-an-image.jpg"),
        article_line(id="bad-tags", tags="a, b"),
        "",
        article_line(id="good-2", title="Bài tốt thứ hai"),
        "[1, 2]",
    ]
    ok, _out, err = run_import(write_jsonl(tmp_path / "mixed.jsonl", lines))
    assert not ok
    assert "Dòng 2: JSON không hợp lệ" in err
    assert "Dòng 3: Thiếu hoặc để trống “title”" in err
    assert "Dòng 4: “published_at” không phải thời gian ISO 8601" in err
    assert "Dòng 5: “published_at” cần có độ lệch múi giờ" in err
    assert "Dòng 6: Không tìm thấy tệp ảnh: missing.jpg" in err
    assert "Dòng 7: Không phải ảnh đọc được" in err
    assert "Dòng 8: “tags” phải là danh sách" in err
    assert "Dòng 11: Mỗi dòng phải là một đối tượng JSON" in err
    assert "Dòng 9" not in err  # blank lines are skipped
    assert "Dòng 1:" not in err and "Dòng 10:" not in err
    assert "8 dòng lỗi" in err
    assert set(ArticlePage.objects.values_list("external_id", flat=True)) == {"good-1", "good-2"}
    assert not Image.objects.exists()


def test_body_html_is_sanitized_to_the_editor_features():
    blocks = html_to_blocks(
        '<div><h1>Tiêu đề</h1><p onclick="steal()">Xin <strong>chào</strong>'
        '<script>alert(1)</script> <img src="x.jpg"> <a href="javascript:alert(1)">x</a>'
        ' <a href="https://congdoan.vn/">Công đoàn</a></p>'
        "<blockquote><p>Chăm lo cho người lao động.</p><footer>— Chủ tịch</footer></blockquote>"
        "<table><tr><td>Ô một</td></tr></table><span style='color:red'>chữ đỏ</span></div>"
    )
    assert [kind for kind, _value in blocks] == ["paragraph", "quote", "paragraph"]
    first = blocks[0][1]
    assert "<h2" in first and "Tiêu đề" in first
    assert "<b>chào</b>" in first and '<a href="https://congdoan.vn/">Công đoàn</a>' in first
    for forbidden in ("script", "alert", "onclick", "<img", "javascript", "<h1"):
        assert forbidden not in first
    assert blocks[1][1] == {"text": "Chăm lo cho người lao động.", "attribution": "Chủ tịch"}
    assert "Ô một" in blocks[2][1] and "chữ đỏ" in blocks[2][1] and "style" not in blocks[2][1]


def test_reimport_updates_and_never_duplicates(home_page, tmp_path, photo):
    path = write_jsonl(tmp_path / "a.jsonl", [article_line(image="anh/dai-hoi.jpg")])
    assert run_import(path)[0]
    article = ArticlePage.objects.get(external_id="old-1")
    revisions = article.revisions.count()
    url = article.url

    write_jsonl(
        path,
        [article_line(image="anh/dai-hoi.jpg", sapo="Sapo đã sửa.", tags=["đại hội"])],
    )
    ok, out, err = run_import(path)
    assert ok, err
    assert ArticlePage.objects.count() == 1
    assert Image.objects.count() == 1
    article = ArticlePage.objects.get(external_id="old-1")
    assert article.sapo == "Sapo đã sửa."
    assert [tag.name for tag in article.tags.all()] == ["đại hội"]
    assert article.revisions.count() == revisions + 1
    assert article.live and not article.has_unpublished_changes
    assert article.url == url
    assert article.first_published_at == datetime(2023, 5, 12, 1, 30, tzinfo=UTC)


def test_reimport_into_another_section_moves_the_article(home_page, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_line()])
    assert run_import(path)[0]
    write_jsonl(path, [article_line(section="Hoạt động công đoàn")])
    assert run_import(path)[0]
    article = ArticlePage.objects.get(external_id="old-1")
    assert article.get_parent().title == "Hoạt động công đoàn"
    assert ArticlePage.objects.count() == 1


def test_same_title_twice_gets_distinct_slugs(home_page, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [article_line(), article_line(id="old-2")])
    assert run_import(path)[0]
    slugs = sorted(ArticlePage.objects.values_list("slug", flat=True))
    assert slugs[1] == slugs[0] + "-2"


def test_missing_file_and_missing_home_page(tmp_path, db):
    ok, _out, err = run_import(tmp_path / "none.jsonl")
    assert not ok and "Không tìm thấy tệp" in err
    path = write_jsonl(tmp_path / "a.jsonl", [article_line()])
    ok, _out, err = run_import(path)
    assert not ok and "Dòng 1: Trang web chưa có trang chủ" in err


def export_to(path):
    call_command("export_articles", "-o", str(path), stderr=io.StringIO())
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def article_snapshot(article):
    article = ArticlePage.objects.get(pk=article.pk)
    return {
        "title": article.title,
        "slug": article.slug,
        "sapo": article.sapo,
        "section": article.get_parent().title,
        "published_at": article.published_at,
        "first_published_at": article.first_published_at,
        "tags": sorted(tag.name for tag in article.tags.all()),
        "author": article.author,
        "source": article.source,
        "body": [(block.block_type, _block_value(block)) for block in article.body],
        "cover": article.cover_image.file.read() if article.cover_image else None,
        "cover_alt": article.cover_alt,
        "cover_caption": article.cover_caption,
    }


def _block_value(block):
    if block.block_type == "paragraph":
        return block.value.source
    value = dict(block.value)
    if block.block_type == "image":
        value["image"] = value["image"].file.read()
    return value


def test_export_then_import_into_an_empty_site_loses_nothing(home_page, tmp_path, photo):
    from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

    section = SectionPageFactory(parent=home_page, title="Chăm lo đời sống")
    body_image = Image.objects.create(
        title="Trao quà",
        file=ImageFile(io.BytesIO(placeholder_jpeg("Trao quà", 320, 200)), "q.jpg"),
    )
    written = ArticlePageFactory(
        parent=section,
        title="Tết Sum vầy 2024: 500 suất quà cho công nhân khó khăn",
        sapo="LĐLĐ tỉnh trao quà Tết cho đoàn viên.",
        published_at=datetime(2024, 1, 28, 2, 0, tzinfo=UTC),
        first_published_at=datetime(2024, 1, 28, 2, 0, tzinfo=UTC),
        author="Thu Hà",
        source="",
        body=[
            ("paragraph", '<p>Đoạn <i>một</i> có <a href="https://example.vn/">liên kết</a>.</p>'),
            ("quote", {"text": "Không để ai không có Tết.\nDòng hai.", "attribution": "Chủ tịch"}),
            ("paragraph", "<ul><li>Quà</li><li>Tiền mặt</li></ul>"),
            (
                "image",
                {
                    "image": body_image,
                    "alt_text": "Công nhân nhận quà",
                    "caption": "Trao quà & “lì xì”.",
                    "credit": "Ảnh: Thu Hà",
                },
            ),
        ],
    )
    written.tags.add("Tết Sum vầy", "chăm lo")
    written.save_revision().publish()
    write_jsonl(tmp_path / "in.jsonl", [article_line(image="anh/dai-hoi.jpg", image_alt="Ảnh")])
    assert run_import(tmp_path / "in.jsonl")[0]
    before = sorted(
        (article_snapshot(article) for article in ArticlePage.objects.all()),
        key=lambda snapshot: snapshot["title"],
    )

    export_dir = tmp_path / "export"
    export_dir.mkdir()
    records = export_to(export_dir / "articles.jsonl")
    assert {record["id"] for record in records} == {"old-1", f"congdoan-{written.pk}"}
    imported = next(record for record in records if record["id"] == "old-1")
    assert imported["published_at"] == "2023-05-12T08:30:00+07:00"
    assert (export_dir / imported["image"]).read_bytes() == photo.read_bytes()

    # An empty site: a fresh home page only.
    Page.objects.filter(depth__gt=1).delete()
    Image.objects.all().delete()
    new_home = HomePageFactory.create_as_site_root()
    assert Site.objects.get().root_page_id == new_home.pk
    ok, _out, err = run_import(export_dir / "articles.jsonl")
    assert ok, err
    after = sorted(
        (article_snapshot(article) for article in ArticlePage.objects.all()),
        key=lambda snapshot: snapshot["title"],
    )
    for snapshot in before + after:
        snapshot["body"] = [(kind, _strip_block_keys(value)) for kind, value in snapshot["body"]]
    for old, new in zip(before, after, strict=True):
        for key in old:
            assert (key, new[key]) == (key, old[key])


def _strip_block_keys(value):
    import re

    if isinstance(value, str):
        return re.sub(r' data-block-key="[^"]*"', "", value)
    return value


def test_export_to_stdout(home_page, tmp_path, monkeypatch):
    write_jsonl(tmp_path / "a.jsonl", [article_line()])
    assert run_import(tmp_path / "a.jsonl")[0]
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    call_command("export_articles", stdout=out)
    (record,) = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["id"] == "old-1" and "image" not in record


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100)
def test_oversized_image_is_refused(home_page, tmp_path, photo):
    path = write_jsonl(tmp_path / "a.jsonl", [article_line(image="anh/dai-hoi.jpg")])
    result = import_articles(path)
    assert [error.line_number for error in result.errors] == [1]
    assert not ArticlePage.objects.exists()


def test_local_body_images_become_image_blocks(home_page, tmp_path, photo):
    body = (
        "<p>Mở đầu.</p>"
        '<figure data-credit="Ảnh: LĐLĐ"><img src="anh/dai-hoi.jpg" alt="Quang cảnh">'
        "<figcaption>Đại biểu biểu quyết.</figcaption></figure>"
        '<p>Giữa đoạn <img src="anh/dai-hoi.jpg"> văn bản '
        '<img src="https://old-portal.example.vn/x.jpg"> tiếp.</p>'
    )
    path = write_jsonl(tmp_path / "a.jsonl", [article_line(body_html=body)])
    ok, _out, err = run_import(path)
    assert ok, err
    article = ArticlePage.objects.get(external_id="old-1")
    kinds = [block.block_type for block in article.body]
    assert kinds == ["paragraph", "image", "paragraph", "image"]
    figure = article.body[1].value
    assert figure["image"].file.read() == photo.read_bytes()
    assert (figure["alt_text"], figure["caption"], figure["credit"]) == (
        "Quang cảnh",
        "Đại biểu biểu quyết.",
        "Ảnh: LĐLĐ",
    )
    assert article.body[3].value["alt_text"] == article.title
    assert "old-portal" not in article.body[2].value.source
    assert Image.objects.count() == 1  # the same file is stored once

    write_jsonl(path, [article_line(body_html='<p>x</p><img src="anh/khong-co.jpg">')])
    ok, _out, err = run_import(path)
    assert not ok and "Dòng 1: Không tìm thấy tệp ảnh: anh/khong-co.jpg" in err


def test_image_paths_outside_the_import_folder_are_refused(home_page, tmp_path, photo):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.jpg"
    outside.write_bytes(photo.read_bytes())
    (tmp_path / "anh" / "link.jpg").symlink_to(outside)
    lines = [
        article_line(id="abs", image=str(outside)),
        article_line(id="dots", image=f"../{outside.name}"),
        article_line(id="link", image="anh/link.jpg"),
        article_line(id="body", body_html=f'<p>x</p><img src="../{outside.name}">'),
    ]
    ok, _out, err = run_import(write_jsonl(tmp_path / "a.jsonl", lines))
    assert not ok
    assert f"Dòng 1: “{outside}” không nằm trong thư mục của tệp nhập" in err
    assert f"Dòng 2: “../{outside.name}” không nằm trong thư mục của tệp nhập" in err
    assert "Dòng 3: “anh/link.jpg” là liên kết dẫn ra ngoài thư mục của tệp nhập." in err
    assert f"Dòng 4: “../{outside.name}” không nằm trong thư mục của tệp nhập" in err
    assert not ArticlePage.objects.exists() and not Image.objects.exists()


def test_a_failing_line_leaves_none_of_its_body_images(home_page, tmp_path, photo, settings):
    from pathlib import Path

    originals = Path(settings.MEDIA_ROOT) / "original_images"
    before = set(originals.glob("*")) if originals.exists() else set()
    body = '<p>Mở đầu.</p><img src="anh/dai-hoi.jpg" alt="Quang cảnh">'
    path = write_jsonl(
        tmp_path / "a.jsonl", [article_line(body_html=body, image="anh/khong-co.jpg")]
    )
    result = import_articles(path)
    assert [str(error) for error in result.errors] == [
        "Dòng 1: Không tìm thấy tệp ảnh: anh/khong-co.jpg"
    ]
    assert result.exit_status == 1
    assert not Image.objects.exists() and not ArticlePage.objects.exists()
    assert (set(originals.glob("*")) if originals.exists() else set()) == before
