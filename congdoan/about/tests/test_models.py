import pytest
from django.core.exceptions import ValidationError

from congdoan.about.factories import DepartmentFactory, LeaderFactory
from congdoan.about.models import Department, Leader, department_tree, email_list

pytestmark = pytest.mark.django_db


def test_department_tree_nests_member_units_under_their_parent():
    district = DepartmentFactory(name="LĐLĐ huyện Lương Sơn", sort_order=20)
    office = DepartmentFactory(name="Văn phòng", sort_order=10)
    grassroots = DepartmentFactory(name="CĐCS Công ty May", parent=district)

    roots = department_tree()

    assert [node.department for node in roots] == [office, district]
    assert [node.department for node in roots[1].children] == [grassroots]
    assert roots[0].children == []


def test_a_unit_cannot_be_its_own_ancestor():
    parent = DepartmentFactory()
    child = DepartmentFactory(parent=parent)
    parent.parent = child

    with pytest.raises(ValidationError) as refused:
        parent.full_clean()

    assert refused.value.message_dict["parent"] == ["Một đơn vị không thể trực thuộc chính nó."]


def test_receiving_messages_needs_valid_recipient_addresses():
    department = DepartmentFactory.build(receives_messages=True, message_recipients="")
    with pytest.raises(ValidationError) as refused:
        department.full_clean()
    assert refused.value.message_dict["message_recipients"] == [
        "Hãy nhập ít nhất một địa chỉ để gửi thư tới."
    ]

    department.message_recipients = "ban@example.vn, không-phải-email"
    with pytest.raises(ValidationError) as refused:
        department.full_clean()
    assert refused.value.message_dict["message_recipients"] == [
        "“không-phải-email” không phải là địa chỉ email hợp lệ."
    ]


def test_recipients_are_split_on_commas_semicolons_and_lines_each_once():
    assert email_list("a@x.vn, b@x.vn;c@x.vn\n a@x.vn\n") == ["a@x.vn", "b@x.vn", "c@x.vn"]
    department = Department(message_recipients="a@x.vn\nb@x.vn")
    assert department.recipients() == ["a@x.vn", "b@x.vn"]


def test_leader_initials_for_the_avatar_without_photo():
    assert LeaderFactory.build(full_name="Nguyễn Thị Thanh Hương").initials() == "NH"
    assert Leader(full_name="Đạt").initials() == "Đ"
