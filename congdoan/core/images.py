"""Responsive renditions made in the background, never while a reader waits.

Every public image is shown with one of the RENDITION_SETS below, each width in AVIF, WebP and
JPEG. A task generates them when an image is saved or a page using it is published; templates
(`{% responsive_picture %}`) only look up renditions that already exist.
"""

import logging

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

# Seconds during which a missing rendition does not enqueue the task again.
ENQUEUE_DEBOUNCE = 600


def specs_for(kind: str) -> list[str]:
    return [f"{size}|format-{fmt}" for fmt in FORMATS for size in RENDITION_SETS[kind]]


# Single renditions beside the responsive sets: the social share card and the publisher logo.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-85"
PUBLISHER_LOGO_SPEC = "height-60|format-png"
SINGLE_SPECS = (SHARE_IMAGE_SPEC, PUBLISHER_LOGO_SPEC)


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


def on_image_saved(sender, instance, **kwargs):
    if instance.file:
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


def connect_signals():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published

    post_save.connect(on_image_saved, sender=get_image_model(), dispatch_uid="core-renditions")
    page_published.connect(on_page_published, dispatch_uid="core-renditions-page")
