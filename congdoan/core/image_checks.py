"""Checking a photo before it becomes a Wagtail image: every refusal says why.

One check for every way an image enters the site (the album's bulk photo upload, the article
import), so that the limits and messages are the same everywhere.
"""

import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.fields import get_allowed_image_extensions

from congdoan.core.dates import format_number_vn

# Codes of the refusals that mean "this is not an image we can read", as opposed to limits.
UNREADABLE_IMAGE_CODES = frozenset({"extension", "not_image", "corrupt"})


def check_uploaded_image(uploaded) -> None:
    """Raise ValidationError (Vietnamese, with a `code`) unless `uploaded` (a Django File:
    an upload or a file opened from disk) is a sound image within the site's limits."""
    name = uploaded.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = get_allowed_image_extensions()
    if extension not in allowed:
        raise ValidationError(
            _("Not a supported image type; use one of: %(types)s.")
            % {"types": ", ".join(sorted(allowed))},
            code="extension",
        )
    max_size = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    if max_size and uploaded.size > max_size:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_size)},
            code="file_size",
        )
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            uploaded.seek(0)
            with PILImage.open(uploaded) as picture:
                width, height = picture.size
                if max_pixels and width * height > max_pixels:
                    raise ValidationError(
                        _(
                            "The image is too large: %(width)d×%(height)d = %(pixels)s pixels; "
                            "the limit is %(limit)s pixels. Resize it and upload again."
                        )
                        % {
                            "width": width,
                            "height": height,
                            "pixels": format_number_vn(width * height),
                            "limit": format_number_vn(max_pixels),
                        },
                        code="pixels",
                    )
                picture.verify()
            uploaded.seek(0)
            with PILImage.open(uploaded) as picture:
                picture.load()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            _(
                "The file claims an enormous size in pixels (a “decompression bomb”) "
                "and was refused for the site's safety."
            ),
            code="bomb",
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("This file is not an image, or its format is not recognised."), code="not_image"
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete; export it again and upload."),
            code="corrupt",
        ) from error
    finally:
        uploaded.seek(0)
