from datetime import UTC, datetime

import pytest
import wagtail_factories
from wagtail.models import Site

from congdoan.core.models import SiteSettings
from congdoan.news.factories import ArticlePageFactory, SectionPageFactory

SEED_TITLE = "Nghị quyết 02 thúc đẩy đổi mới tổ chức và hoạt động Công đoàn Việt Nam"
SEED_SAPO = (
    "Sáng 10.11, Tổng Liên đoàn Lao động Việt Nam tổ chức Hội nghị kiểm điểm tiến độ triển khai "
    "các nghị quyết về công nhân, công đoàn."
)
# 10/11/2021 07:00 GMT+7
SEED_TIME = datetime(2021, 11, 10, 0, 0, tzinfo=UTC)


@pytest.fixture
def site_settings(home_page):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organization_name = "Liên đoàn Lao động tỉnh Hòa Bình"
    settings.copyright_text = "© Liên đoàn Lao động tỉnh Hòa Bình. Ghi rõ nguồn khi phát hành lại."
    settings.save()
    return settings


@pytest.fixture
def section(home_page):
    return SectionPageFactory(parent=home_page, title="Hoạt động công đoàn")


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Pho-Chu-Tich (1).jpg")


@pytest.fixture
def article(section, image):
    return ArticlePageFactory(
        parent=section,
        title=SEED_TITLE,
        sapo=SEED_SAPO,
        published_at=SEED_TIME,
        author="Hoàng Anh",
        source="Báo Lao Động",
        cover_image=image,
        cover_alt="Phó Chủ tịch Ngọ Duy Hiểu phát biểu tại Hội nghị",
        cover_caption="Phó Chủ tịch Tổng Liên đoàn Ngọ Duy Hiểu phát biểu kết luận Hội nghị.",
        body=[
            ("paragraph", "<p>Phát biểu tại Hội nghị, đồng chí Ngọ Duy Hiểu cho biết.</p>"),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Toàn cảnh Hội nghị",
                    "caption": "Toàn cảnh Hội nghị kiểm điểm tiến độ.",
                    "credit": "",
                },
            ),
        ],
    )
