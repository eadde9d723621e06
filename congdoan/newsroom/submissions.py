"""Turning a member's story (*Gửi tin*) into a draft article in the approval workflow.

Everything happens in one transaction: the photos become Wagtail images, the article is added
as a draft under the member-news section with its first revision, and the section's workflow
starts. Should any step fail, the rows roll back and the files already written (each photo
and the renditions made when it was saved) are deleted, so nothing half-written stays
behind. The story is never published here.
"""

from django.db import transaction
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Collection

from congdoan.core.text import vietnamese_slugify
from congdoan.news.models import ArticlePage


class NoWorkflowError(Exception):
    """The member-news section has no active workflow: a story would wait unseen."""


def free_slug(section, title: str) -> str:
    """The title's slug, numbered (`-2`, `-3`…) past those the section's pages already use."""
    base = vietnamese_slugify(title, max_length=240) or "tin-co-so"
    taken = set(section.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_story(section, user, form) -> ArticlePage:
    image_model = get_image_model()
    root_collection = Collection.get_first_root_node()
    saved_images = []
    # (storage, name) of every file written: originals and the renditions made on saving.
    written_files = []
    try:
        with transaction.atomic():
            workflow = section.get_workflow()
            if workflow is None or not workflow.active:
                raise NoWorkflowError
            for upload, alt in form.photos():
                image = image_model(
                    title=alt, file=upload, collection=root_collection, uploaded_by_user=user
                )
                image.save()
                saved_images.append(image)
                written_files.append((image.file.storage, image.file.name))
                written_files += [
                    (rendition.file.storage, rendition.file.name)
                    for rendition in image.renditions.all()
                ]
            body = [("paragraph", f"<p>{escape(text)}</p>") for text in form.paragraphs()]
            body += [
                ("image", {"image": image, "alt_text": image.title, "caption": "", "credit": ""})
                for image in saved_images[1:]
            ]
            title = form.cleaned_data["title"].strip()
            cover = saved_images[0] if saved_images else None
            article = ArticlePage(
                title=title,
                slug=free_slug(section, title),
                sapo=form.cleaned_data["sapo"].strip(),
                body=body,
                cover_image=cover,
                cover_alt=cover.title if cover else "",
                source=form.cleaned_data["unit_name"].strip(),
                author=user.get_full_name() or user.get_username(),
                live=False,
                owner=user,
            )
            section.add_child(instance=article)
            article.save_revision(user=user, log_action=True)
            workflow.start(article, user)
    except BaseException:
        for storage, name in written_files:
            storage.delete(name)
        raise
    return article
