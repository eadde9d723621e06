from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import SingleLineCharField
from congdoan.core.image_checks import check_uploaded_image

TITLE_MAX_LENGTH = 255
SAPO_MAX_LENGTH = 1000
BODY_MAX_LENGTH = 30000
UNIT_MAX_LENGTH = 255
ALT_MAX_LENGTH = 255


def photo_count() -> int:
    return settings.MEMBER_NEWS_MAX_PHOTOS


class MemberStoryForm(forms.Form):
    """*Gửi tin*: a story from a grassroots union, with up to `MEMBER_NEWS_MAX_PHOTOS` photos.

    Each photo has its own slot and alt-text field (plain HTML, no script needed); a photo
    without alt text, or a file `check_uploaded_image` refuses, is an error on that slot.
    """

    title = SingleLineCharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Please enter a title."),
            "max_length": _("The title is too long: at most %(limit_value)d characters."),
        },
    )
    sapo = forms.CharField(
        label=_("Sapo (lead paragraph)"),
        max_length=SAPO_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": SAPO_MAX_LENGTH}),
        error_messages={
            "required": _("Please enter a short lead paragraph."),
            "max_length": _("The sapo is too long: at most %(limit_value)d characters."),
        },
    )
    body = forms.CharField(
        label=_("Story"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 14, "maxlength": BODY_MAX_LENGTH}),
        help_text=_("Plain text; leave an empty line between paragraphs."),
        error_messages={
            "required": _("Please write the story."),
            "max_length": _("The story is too long: at most %(limit_value)d characters."),
        },
    )
    unit_name = SingleLineCharField(
        label=_("Your union unit"),
        max_length=UNIT_MAX_LENGTH,
        help_text=_("For example: Công đoàn cơ sở Công ty May Hòa Bình."),
        error_messages={
            "required": _("Please enter the name of your union unit."),
            "max_length": _("The unit's name is too long: at most %(limit_value)d characters."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, photo_count() + 1):
            self.fields[f"photo_{number}"] = forms.FileField(
                label=_("Photo %(number)d") % {"number": number},
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
            )
            self.fields[f"alt_{number}"] = SingleLineCharField(
                label=_("What the photo %(number)d shows (alt text)") % {"number": number},
                max_length=ALT_MAX_LENGTH,
                required=False,
                error_messages={
                    "max_length": _("At most %(limit_value)d characters."),
                },
            )

    def photo_fields(self):
        """(photo field, alt field) bound pairs, for the template."""
        return [
            (self[f"photo_{number}"], self[f"alt_{number}"])
            for number in range(1, photo_count() + 1)
        ]

    def clean(self):
        cleaned_data = super().clean()
        for number in range(1, photo_count() + 1):
            photo = cleaned_data.get(f"photo_{number}")
            alt = (cleaned_data.get(f"alt_{number}") or "").strip()
            if not photo:
                continue
            try:
                check_uploaded_image(photo)
            except ValidationError as error:
                self.add_error(f"photo_{number}", error)
                continue
            if not alt:
                self.add_error(
                    f"alt_{number}",
                    _("Please say what this photo shows, for readers who cannot see it."),
                )
        return cleaned_data

    def photos(self) -> list[tuple[object, str]]:
        """(uploaded file, alt text) of each photo sent, in slot order."""
        return [
            (self.cleaned_data[f"photo_{number}"], self.cleaned_data[f"alt_{number}"].strip())
            for number in range(1, photo_count() + 1)
            if self.cleaned_data.get(f"photo_{number}")
        ]

    def paragraphs(self) -> list[str]:
        text = self.cleaned_data["body"].replace("\r\n", "\n")
        return [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
