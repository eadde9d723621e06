"""Fields and the honeypot every public form is built from."""

import pytest

from congdoan.core.forms import BotTrapForm, SingleLineCharField, SingleLineEmailField


class NameForm(BotTrapForm):
    name = SingleLineCharField(max_length=60)
    email = SingleLineEmailField()


@pytest.mark.parametrize("value", ["Lan\r\nBcc: x@example.com", "Lan\nAn", "Lan\x00", "Lan\x7f"])
def test_line_breaks_and_control_characters_are_refused_in_vietnamese(value):
    form = NameForm(data={"name": value, "email": "lan@example.com"})
    assert not form.is_valid()
    assert form.errors["name"] == ["Không được xuống dòng trong ô này."]


def test_an_email_with_a_header_smuggled_in_is_refused():
    form = NameForm(data={"name": "Lan", "email": "lan@example.com\r\nBcc: x@example.com"})
    assert not form.is_valid()
    assert form.errors["email"] == ["Không được xuống dòng trong ô này."]


def test_the_honeypot_tells_people_from_bots():
    person = NameForm(data={"name": "Nguyễn Thị Lan", "email": "lan@example.com"})
    bot = NameForm(data={"name": "x", "email": "x@example.com", "website": "http://spam"})
    assert person.is_valid() and not person.is_bot()
    assert bot.is_valid() and bot.is_bot()
    assert person["website"].label == "Để trống ô này"
