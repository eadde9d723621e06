import pytest

from congdoan.about.factories import DepartmentFactory
from congdoan.contact.factories import ContactPageFactory


@pytest.fixture
def legal_department(db):
    return DepartmentFactory(
        name="Ban Chính sách – Pháp luật",
        phone="0218 3852 013",
        email="banchinhsach@ldld.example.vn",
        receives_messages=True,
        message_recipients="noibo.phapluat@ldld.example.vn, truongban@ldld.example.vn",
    )


@pytest.fixture
def office(db):
    return DepartmentFactory(
        name="Văn phòng",
        receives_messages=True,
        message_recipients="noibo.vanphong@ldld.example.vn",
    )


@pytest.fixture
def contact_page(home_page, legal_department, office):
    return ContactPageFactory(parent=home_page)


@pytest.fixture
def valid_message(legal_department):
    return {
        "name": "Phạm Thị Lụa",
        "email": "lua.pham@example.com",
        "phone": "0912 345 678",
        "department": str(legal_department.pk),
        "subject": "Hỏi về chế độ thai sản",
        "message": "Tôi làm việc ở công ty may, xin hỏi về chế độ thai sản.\nXin cảm ơn.",
        "website": "",
    }
