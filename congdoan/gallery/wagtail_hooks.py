from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from congdoan.gallery import admin_views
from congdoan.gallery.models import AlbumPage


@hooks.register("register_admin_urls")
def register_gallery_admin_urls():
    return [
        path(
            "gallery/albums/<int:page_id>/upload/",
            admin_views.bulk_upload,
            name="gallery_album_bulk_upload",
        )
    ]


class BulkUploadButton(PageMenuItem):
    label = _("Upload many photos")
    icon_name = "image"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def album_header_buttons(page, user, view_name, next_url=None):
    if page.specific_class is AlbumPage:
        yield BulkUploadButton(
            page=page, url=reverse("gallery_album_bulk_upload", args=[page.pk]), priority=12
        )


class BulkUploadMenuItem(ActionMenuItem):
    name = "action-bulk-upload"
    label = _("Upload many photos")
    icon_name = "image"

    def is_shown(self, context):
        page = context.get("page")
        return (
            context["view"] == "edit"
            and page is not None
            and page.specific_class is AlbumPage
            and not context["locked_for_user"]
        )

    def get_url(self, context):
        return reverse("gallery_album_bulk_upload", args=[context["page"].pk])


@hooks.register("register_page_action_menu_item")
def register_bulk_upload_menu_item():
    return BulkUploadMenuItem(order=60)
