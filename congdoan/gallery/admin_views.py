"""Bulk photo upload for an album: many files at once, appended in file-name order.

Each file becomes a Wagtail image the way Wagtail's own multiple upload makes one: through
the image form from `get_image_form` (which validates the file, fills in its size, hash and
dimensions, and limits the collection to those the user may add to), saved with the
uploader's name. What is added here is what an album needs: the site's image checks with
their Vietnamese reasons, file-name order, and the album photos saved as a draft revision.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.permissions import policy_registry

from congdoan.core.image_checks import check_uploaded_image
from congdoan.gallery.models import AlbumPage, AlbumPhoto


def natural_key(name: str):
    """IMG_2.jpg before IMG_10.jpg, as a file manager sorts them."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]


def chosen_collection(request, collections):
    """The collection picked in the form if the user may add images to it, else the first
    one they may add to (the only one, when the form shows no choice)."""
    picked = request.POST.get("collection", "")
    if picked.isdigit():
        collection = collections.filter(pk=int(picked)).first()
        if collection is not None:
            return collection
    return collections.order_by("path").first()


def form_errors(form) -> str:
    return " ".join(message for messages in form.errors.values() for message in messages)


def refusal_response(request, album, reason):
    """403 with the reason on an admin page (Wagtail would redirect to the dashboard)."""
    return TemplateResponse(
        request,
        "gallery/admin/bulk_upload_refused.html",
        {"album": album, "reason": reason},
        status=403,
    )


def bulk_upload(request, page_id):
    album = get_object_or_404(AlbumPage, pk=page_id)
    if not album.permissions_for_user(request.user).can_edit():
        return refusal_response(request, album, _("You may not edit this album."))
    # The right to add images, as Wagtail's own image upload checks it: in some collection.
    image_permission_policy = policy_registry.get_by_type(get_image_model())
    collections = image_permission_policy.collections_user_has_permission_for(request.user, "add")
    if not collections.exists():
        return refusal_response(
            request,
            album,
            _(
                "You may not add images: ask an administrator for the right to add images "
                "to a collection."
            ),
        )
    context = {
        "album": album,
        "max_files": settings.GALLERY_BULK_UPLOAD_MAX_FILES,
        # Like Wagtail's upload page: a collection chooser only when there is a choice.
        "collections": collections if collections.count() > 1 else None,
    }
    if request.method != "POST":
        return TemplateResponse(request, "gallery/admin/bulk_upload.html", context)

    collection = chosen_collection(request, collections)
    context["selected_collection"] = collection.pk
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

    added = 0
    if accepted:
        draft = album.get_latest_revision_as_object()
        photos = list(draft.photos.all())
        image_form_class = get_image_form(get_image_model())
        with transaction.atomic():
            for uploaded in accepted:
                number = len(photos) + 1
                alt_text = _("%(label)s – photo %(number)d") % {
                    "label": default_alt or album.title,
                    "number": number,
                }
                form = image_form_class(
                    data={
                        "title": (
                            _("%(album)s – photo %(number)d")
                            % {"album": album.title, "number": number}
                        )[:255],
                        "description": alt_text,
                        "collection": collection.pk,
                    },
                    files={"file": uploaded},
                    user=request.user,
                )
                if not form.is_valid():
                    refused.append((uploaded.name, form_errors(form)))
                    continue
                image = form.save(commit=False)
                image.uploaded_by_user = request.user
                image.save()
                photos.append(
                    AlbumPhoto(
                        image=image,
                        alt_text=alt_text,
                        photographer=photographer,
                        sort_order=number - 1,
                    )
                )
                added += 1
            if added:
                draft.photos = photos
                draft.save_revision(user=request.user, log_action=True)
    context.update(
        {
            "accepted_count": added,
            "refused": refused,
            "done": True,
            "summary": ngettext(
                "%(count)d photo was added to the album as a draft.",
                "%(count)d photos were added to the album as a draft.",
                added,
            )
            % {"count": added},
        }
    )
    return TemplateResponse(request, "gallery/admin/bulk_upload.html", context)
