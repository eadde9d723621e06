"""Responsive renditions made when an image is saved and in the background, never while a reader
waits.

Every public image is shown with one of the RENDITION_SETS below, each width in AVIF, WebP and
JPEG. Saving an image makes the JPEG sizes pages show first at once (FIRST_SHOWN_KINDS), so a
page is never without a real picture; a task makes the rest (AVIF and WebP included) when an
image is saved or a page using it is published. Templates (`{% responsive_picture %}`) only look
up renditions that already exist.
"""

import logging
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Prefetch
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter

logger = logging.getLogger(__name__)

FORMATS = ("avif", "webp", "jpeg")

# Name -> sizes; the smallest size first (the <img> fallback uses the middle one).
RENDITION_SETS = {
    "wide": ("width-400", "width-800", "width-1200"),
    "card": ("fill-400x225-c100", "fill-800x450-c100"),
    "square": ("fill-200x200-c100", "fill-400x400-c100"),
    "logo": ("height-80", "height-160"),
}

# Kinds whose JPEG sizes are made while the image is saved: article and album widths, cards in
# every listing, album grids. The logo and the social card wait for the task.
FIRST_SHOWN_KINDS = ("wide", "card", "square")

# Seconds during which a missing rendition does not enqueue the task again.
ENQUEUE_DEBOUNCE = 600

# libavif's speed: 0 (slowest, smallest) to 10. At Pillow's default, 6, the demo's renditions
# took 86 s of CPU; at 9, 47 s, for AVIF files about 30% larger (bench/renditions.py, figures in
# bench/README.md). Still about half the size of the JPEG sizes.
AVIF_ENCODER_SPEED = 9


def specs_for(kind: str) -> list[str]:
    return [f"{size}|format-{fmt}" for fmt in FORMATS for size in RENDITION_SETS[kind]]


# Single renditions beside the responsive sets: the social share card and the publisher logo.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"
PUBLISHER_LOGO_SPEC = "height-60|format-png"
SINGLE_SPECS = (SHARE_IMAGE_SPEC, PUBLISHER_LOGO_SPEC)


def first_shown_specs() -> list[str]:
    return [f"{size}|format-jpeg" for kind in FIRST_SHOWN_KINDS for size in RENDITION_SETS[kind]]


def all_specs() -> list[str]:
    return [*(spec for kind in RENDITION_SETS for spec in specs_for(kind)), *SINGLE_SPECS]


def existing_rendition(image, spec: str):
    """One rendition if it exists already; otherwise queue its generation and return None."""
    if not image:
        return None
    wanted = Filter(spec=spec)
    found = image.find_existing_renditions(wanted).get(wanted)
    if found is None:
        request_renditions([image.pk])
    return found


def rendition_prefetch(lookup: str = "image__renditions") -> Prefetch:
    """Prefetch existing renditions of related images in one query (`image` by default)."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        lookup,
        queryset=rendition_model.objects.filter(filter_spec__in=all_specs()),
        to_attr="prefetched_renditions",
    )


def attach_renditions(images) -> None:
    """Existing renditions of several images in one query, as `rendition_prefetch` leaves them.

    For images that come from different querysets (album covers and video posters in one
    sidebar), which one prefetch per queryset would read in one query each.
    """
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    found = defaultdict(list)
    for rendition in rendition_model.objects.filter(
        image_id__in={image.pk for image in images}, filter_spec__in=all_specs()
    ):
        found[rendition.image_id].append(rendition)
    for image in images:
        image.prefetched_renditions = found[image.pk]
        for rendition in image.prefetched_renditions:
            rendition.image = image  # as a prefetch does: no query for the image again


def existing_renditions(image, kind: str) -> dict[str, object]:
    """The renditions of `kind` that exist already (prefetched, cached or in the database)."""
    filters = [Filter(spec=spec) for spec in specs_for(kind)]
    found = image.find_existing_renditions(*filters)
    return {f.spec: found[f] for f in filters if f in found}


def request_renditions(image_ids) -> None:
    """Enqueue generation for these images unless it was asked for recently."""
    fresh = [pk for pk in image_ids if cache.add(f"renditions-queued:{pk}", 1, ENQUEUE_DEBOUNCE)]
    if fresh:
        generate_renditions.enqueue(sorted(fresh))


@task(queue_name="images")
def generate_renditions(image_ids: list[int]) -> int:
    """Make every responsive rendition of these images; returns how many images were done."""
    done = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            image.get_renditions(*all_specs())
        except Exception:  # an unreadable original must not stop the others
            logger.exception("Could not generate renditions for image %s", image.pk)
        else:
            done += 1
        cache.delete(f"renditions-queued:{image.pk}")
    return done


def make_first_shown_renditions(image) -> bool:
    """Make the JPEG sizes pages show first, now; False if the original cannot be read."""
    try:
        image.get_renditions(*first_shown_specs())
    except Exception:  # an unreadable original must not make saving fail
        logger.exception("Could not make the first renditions of image %s", image.pk)
        return False
    return True


def on_image_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    make_first_shown_renditions(instance)
    cache.delete(f"renditions-queued:{instance.pk}")
    request_renditions([instance.pk])


def on_page_published(sender, instance, **kwargs):
    generate_page_renditions.enqueue(instance.pk)


@task(queue_name="images")
def generate_page_renditions(page_id: int) -> int:
    """Renditions of every image a page refers to: fields, body blocks, inline photos."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    image_type_id = ContentType.objects.get_for_model(get_image_model()).pk
    image_ids = {
        int(object_id)
        for type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(
            page.specific
        )
        if type_id == image_type_id and str(object_id).isdigit()
    }
    return generate_renditions.call(sorted(image_ids)) if image_ids else 0


def use_fast_avif_encoder() -> None:
    """Have Pillow encode AVIF at AVIF_ENCODER_SPEED unless the caller asks for a speed.

    Neither Wagtail nor Willow passes a speed to Pillow, so the speed is given where Pillow takes
    its defaults: the image's encoder options, read by the AVIF writer registered here around
    Pillow's own.
    """
    from PIL import AvifImagePlugin
    from PIL import Image as PillowImage

    file_format = AvifImagePlugin.AvifImageFile.format
    pillow_writer = PillowImage.SAVE.get(file_format)
    if pillow_writer is None or getattr(pillow_writer, "sets_avif_speed", False):
        return  # Pillow built without AVIF, or already wrapped

    def write_avif(image, fp, filename, **options):
        image.encoderinfo.setdefault("speed", AVIF_ENCODER_SPEED)
        return pillow_writer(image, fp, filename, **options)

    write_avif.sets_avif_speed = True
    PillowImage.register_save(file_format, write_avif)


def connect_signals():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="core-renditions")
    page_published.connect(on_page_published, dispatch_uid="core-renditions-page")
