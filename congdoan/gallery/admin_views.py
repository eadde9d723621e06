"""Bulk photo upload for an album: many files at once, appended in file-name order."""

import re

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.images import get_image_model

from congdoan.core.image_checks import check_uploaded_image
from congdoan.gallery.models import AlbumPage, AlbumPhoto


def natural_key(name: str):
    """IMG_2.jpg before IMG_10.jpg, as a file manager sorts them."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def bulk_upload(request, page_id):
    album = get_object_or_404(AlbumPage, pk=page_id)
    if not album.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    context = {"album": album, "max_files": settings.GALLERY_BULK_UPLOAD_MAX_FILES}
    if request.method != "POST":
        return TemplateResponse(request, "gallery/admin/bulk_upload.html", context)

    files = sorted(request.FILES.getlist("photos"), key=lambda f: natural_key(f.name))
    photographer = request.POST.get("photographer", "").strip()[:255]
    default_alt = request.POST.get("alt_text", "").strip()[:200]
    refused, accepted = [], []
    if not files:
        refused.append(("", _("Choose at least one photo.")))
    elif len(files) > settings.GALLERY_BULK_UPLOAD_MAX_FILES:
        refused.append(
            ("", _("At most %(count)d photos at a time.") % {"count": context["max_files"]})
        )
        files = []
    for uploaded in files:
        try:
            check_uploaded_image(uploaded)
        except ValidationError as error:
            refused.append((uploaded.name, " ".join(error.messages)))
        else:
            accepted.append(uploaded)

    if accepted:
        draft = album.get_latest_revision_as_object()
        photos = list(draft.photos.all())
        image_model = get_image_model()
        with transaction.atomic():
            for uploaded in accepted:
                number = len(photos) + 1
                label = default_alt or album.title
                image = image_model(
                    title=_("%(album)s – photo %(number)d")
                    % {"album": album.title, "number": number},
                    file=uploaded,
                    uploaded_by_user=request.user,
                )
                image._set_image_file_metadata()
                image.save()
                photos.append(
                    AlbumPhoto(
                        image=image,
                        alt_text=_("%(label)s – photo %(number)d")
                        % {"label": label, "number": number},
                        photographer=photographer,
                        sort_order=number - 1,
                    )
                )
            draft.photos = photos
            draft.save_revision(user=request.user, log_action=True)
    context.update(
        {
            "accepted_count": len(accepted),
            "refused": refused,
            "done": True,
            "summary": ngettext(
                "%(count)d photo was added to the album as a draft.",
                "%(count)d photos were added to the album as a draft.",
                len(accepted),
            )
            % {"count": len(accepted)},
        }
    )
    return TemplateResponse(request, "gallery/admin/bulk_upload.html", context)
