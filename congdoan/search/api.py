"""Wagtail API v2 at /api/v2/ (pages, images, documents); `?search=` uses our backend.

Wagtail's viewsets hand some query parameters to the database or the search backend unchecked,
so a hostile value ended as a 500: an offset beyond 64 bits (the database refuses it), an
unknown `search_operator` (the backend raises ValueError) or a non-numeric `find/?id=`. Every
endpoint here checks those parameters before Wagtail sees them and answers 400 with a
Vietnamese message; Wagtail's own 400 and 404 answers are given in Vietnamese too.
"""

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from congdoan.core.dates import format_number_vn

# Far beyond any listing of the portal, far below the 64-bit limit of SQL's OFFSET.
MAX_OFFSET = 1_000_000_000
# Ids are 64-bit: at most 19 digits.
MAX_ID_DIGITS = 19
SEARCH_OPERATORS = ("and", "or")


class InvalidParameter(BadRequestError):
    """A query parameter refused by our own checks; its message is already Vietnamese."""


def whole_number(value: str, maximum: int) -> int | None:
    """The value as an int when it is plain ASCII digits from 0 to `maximum`, else None."""
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(maximum)):
        return None
    number = int(value)
    return number if number <= maximum else None


class CheckedParametersMixin:
    """Refuse bad `offset`, `limit`, `search_operator` and `find/?id=` with a 400."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_parameters(request.GET)

    def check_parameters(self, query):
        if "offset" in query and whole_number(query["offset"], MAX_OFFSET) is None:
            raise InvalidParameter(
                _("“offset” must be a whole number from 0 to %(maximum)s.")
                % {"maximum": format_number_vn(MAX_OFFSET)}
            )
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        if "limit" in query and whole_number(query["limit"], limit_max) is None:
            raise InvalidParameter(
                _("“limit” must be a whole number from 0 to %(maximum)s.") % {"maximum": limit_max}
            )
        if "search_operator" in query and query["search_operator"] not in SEARCH_OPERATORS:
            raise InvalidParameter(_("“search_operator” must be “and” or “or”."))
        if self.action == "find_view" and "id" in query:
            value = query["id"]
            if not (value.isascii() and value.isdigit()) or len(value) > MAX_ID_DIGITS:
                raise InvalidParameter(_("“id” must be a positive whole number."))

    def handle_exception(self, exc):
        if isinstance(exc, InvalidParameter):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, BadRequestError):
            message = _("Invalid request: %(detail)s") % {"detail": exc}
            return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": _("Not found.")}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)


class CheckedPagesAPIViewSet(CheckedParametersMixin, PagesAPIViewSet):
    pass


class CheckedImagesAPIViewSet(CheckedParametersMixin, ImagesAPIViewSet):
    pass


class CheckedDocumentsAPIViewSet(CheckedParametersMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CheckedPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
api_router.register_endpoint("documents", CheckedDocumentsAPIViewSet)
