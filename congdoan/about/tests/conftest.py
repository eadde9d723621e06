import pytest

from congdoan.about.factories import (
    AboutPageFactory,
    DepartmentFactory,
    EnglishPageFactory,
    LeaderFactory,
    LeadershipPageFactory,
    OrganizationPageFactory,
)
from congdoan.about.models import Department, Leader


@pytest.fixture
def about_pages(home_page):
    """Giới thiệu with its leadership and structure pages, two departments and two leaders."""
    about = AboutPageFactory(parent=home_page)
    leadership = LeadershipPageFactory(parent=about, title="Lãnh đạo Liên đoàn")
    LeaderFactory(
        page=leadership,
        sort_order=1,
        group=Leader.Group.EXECUTIVE,
        full_name="Đặng Thị Thu",
        title="Ủy viên Ban Chấp hành",
    )
    LeaderFactory(
        page=leadership,
        sort_order=0,
        full_name="Nguyễn Thị Thanh Hương",
        title="Chủ tịch",
        phone="0218 3852 001",
        email="chutich@ldld.example.vn",
    )
    organization = OrganizationPageFactory(parent=about)
    district = DepartmentFactory(
        name="LĐLĐ huyện Lương Sơn",
        name_en="Luong Son District Federation of Labour",
        kind=Department.Kind.DISTRICT_FEDERATION,
        head="Nguyễn Văn Dũng",
        receives_messages=True,
        message_recipients="bimat.noibo@ldld.example.vn",
    )
    DepartmentFactory(
        name="CĐCS Công ty May Lương Sơn",
        kind=Department.Kind.GRASSROOTS_UNION,
        parent=district,
    )
    return {"about": about, "leadership": leadership, "organization": organization}


@pytest.fixture
def english_pages(home_page):
    root = EnglishPageFactory(parent=home_page)
    structure = EnglishPageFactory(
        parent=root, title="Organizational structure", slug="structure", show_structure=True
    )
    contacts = EnglishPageFactory(parent=root, title="Contacts", slug="contacts")
    return {"root": root, "structure": structure, "contacts": contacts}
