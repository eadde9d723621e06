import pytest
from django.core.exceptions import ValidationError

from congdoan.contact.models import Hotline, validate_phone


@pytest.mark.parametrize("number", ["0218 3852 000", "+84 218 3852 000", "(0218) 3852-000"])
def test_phone_numbers_as_people_write_them_are_accepted(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["gọi ngay", "12", "0218\n3852", "0218 3852\n", "0" * 31])
def test_anything_else_is_refused_in_vietnamese(number):
    with pytest.raises(ValidationError) as refused:
        validate_phone(number)
    assert refused.value.messages == [
        "Vui lòng nhập số điện thoại chỉ gồm chữ số, ví dụ 0218 3852 000."
    ]


def test_hotline_tel_target():
    assert Hotline(label="Tư vấn", number="1900 1234").tel == "19001234"
