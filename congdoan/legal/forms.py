"""The public filter form of /van-ban/: every state is a plain GET query, shareable as a URL."""

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from congdoan.core.forms import BotTrapForm, SingleLineCharField, SingleLineEmailField

from .models import Area, DocumentType, Issuer, LegalDocument, Status

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
FILTER_CHOICES_CACHE_KEY = "legal:filter-choices"
COMMENT_MIN_LENGTH = 10
COMMENT_MAX_LENGTH = 5000


def filter_choices() -> dict:
    """Types, issuers, areas (as a tree) and signers for the filter form, cached."""
    choices = cache.get(FILTER_CHOICES_CACHE_KEY)
    if choices is None:
        areas = list(Area.objects.values("id", "slug", "name", "parent_id"))
        choices = {
            "types": list(DocumentType.objects.values_list("slug", "name")),
            "issuers": list(Issuer.objects.values_list("slug", "name")),
            "areas": areas,
            "signers": list(
                LegalDocument.objects.exclude(signer="")
                .order_by("signer")
                .values_list("signer", flat=True)
                .distinct()
            ),
        }
        cache.set(FILTER_CHOICES_CACHE_KEY, choices, 3600)
    return choices


def area_tree_choices(areas: list[dict]) -> list[tuple[str, str]]:
    """Areas in tree order, sub-areas indented under their parent."""
    children: dict = {}
    for area in areas:
        children.setdefault(area["parent_id"], []).append(area)
    result = []

    def walk(parent_id, depth):
        for area in children.get(parent_id, []):
            result.append((area["slug"], "\u2003" * depth + area["name"]))
            walk(area["id"], depth + 1)

    walk(None, 0)
    return result


def area_with_descendants(areas: list[dict], slug: str) -> list[int]:
    by_slug = {area["slug"]: area for area in areas}
    if slug not in by_slug:
        return []
    ids, frontier = [], [by_slug[slug]["id"]]
    while frontier:
        current = frontier.pop()
        ids.append(current)
        frontier.extend(area["id"] for area in areas if area["parent_id"] == current)
    return ids


class DocumentFilterForm(forms.Form):
    date_error = _("Enter a date as dd/mm/yyyy, for example 12/06/2021.")

    q = forms.CharField(label=_("Keyword or number"), required=False, max_length=200)
    type = forms.ChoiceField(label=_("Document type"), required=False)
    issuer = forms.ChoiceField(label=_("Issuing body"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    signer = forms.ChoiceField(label=_("Signed by"), required=False)
    issued_from = forms.DateField(
        label=_("Issued from"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": date_error},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
    )
    issued_to = forms.DateField(
        label=_("Issued to"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        error_messages={"invalid": date_error},
        widget=forms.TextInput(attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}),
    )
    status = forms.ChoiceField(label=_("Validity"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.choices = filter_choices()
        everything = [("", _("All"))]
        self.fields["type"].choices = everything + self.choices["types"]
        self.fields["issuer"].choices = everything + self.choices["issuers"]
        self.fields["area"].choices = everything + area_tree_choices(self.choices["areas"])
        self.fields["signer"].choices = everything + [(s, s) for s in self.choices["signers"]]
        self.fields["status"].choices = everything + list(Status.choices)
        invalid_choice = _("“%(value)s” is not one of the choices; the filter was ignored.")
        for name in ("type", "issuer", "area", "signer", "status"):
            self.fields[name].error_messages["invalid_choice"] = invalid_choice

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("issued_from"), cleaned.get("issued_to")
        if start and end and start > end:
            self.add_error("issued_to", _("The end date comes before the start date."))
        return cleaned

    def valid_value(self, name):
        """A field's cleaned value, or empty when it was wrong (the error is shown, the rest
        of the filters still apply)."""
        if not self.is_bound:
            return None
        self.is_valid()
        if name in self.errors:
            return None
        return self.cleaned_data.get(name)

    def filter(self, queryset):
        """The documents passing every valid filter; with a keyword, best match first
        (`LegalDocumentQuerySet.matching`, the site's one search backend)."""
        if document_type := self.valid_value("type"):
            queryset = queryset.filter(document_type__slug=document_type)
        if issuer := self.valid_value("issuer"):
            queryset = queryset.filter(issuer__slug=issuer)
        if area := self.valid_value("area"):
            area_ids = area_with_descendants(self.choices["areas"], area)
            queryset = queryset.filter(
                pk__in=LegalDocument.areas.through.objects.filter(area_id__in=area_ids).values(
                    "legaldocument_id"
                )
            )
        if signer := self.valid_value("signer"):
            queryset = queryset.filter(signer=signer)
        if issued_from := self.valid_value("issued_from"):
            queryset = queryset.filter(issued_on__gte=issued_from)
        if (issued_to := self.valid_value("issued_to")) and "issued_to" not in self.errors:
            queryset = queryset.filter(issued_on__lte=issued_to)
        if status := self.valid_value("status"):
            queryset = queryset.with_status(status)
        if query := self.valid_value("q"):
            queryset = queryset.matching(query)
        return queryset

    def is_filtered(self) -> bool:
        return self.is_bound and any(
            value for key, value in self.data.items() if key in self.fields
        )


class DraftCommentForm(BotTrapForm):
    """*Góp ý dự thảo*: name, email, organization (optional) and the comment, protected like
    *Gửi bài viết* (CSRF, honeypot, one line per header-like field, lengths, a rate limit)."""

    name = SingleLineCharField(
        label=_("Your name"),
        max_length=80,
        error_messages={
            "required": _("Please enter your name."),
            "max_length": _("Your name is too long: at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = SingleLineEmailField(
        label=_("Email"),
        max_length=254,
        error_messages={
            "required": _("Please enter your email address."),
            "invalid": _("Please enter a valid email address, for example ten@example.com."),
            "max_length": _("This email address is too long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )
    organization = SingleLineCharField(
        label=_("Organization (optional)"),
        max_length=200,
        required=False,
        error_messages={
            "max_length": _(
                "The organization's name is too long: at most %(limit_value)d characters."
            ),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    comment = forms.CharField(
        label=_("Your comment"),
        min_length=COMMENT_MIN_LENGTH,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "required": _("Please write your comment."),
            "null_characters_not_allowed": _("The text holds characters not allowed."),
            "min_length": _(
                "Your comment is too short: write at least %(limit_value)d characters."
            ),
            "max_length": _(
                "Your comment is too long: at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": COMMENT_MAX_LENGTH}),
    )
