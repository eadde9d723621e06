"""The project's URLs plus /__client-ip__/, which shows what `client_ip()` makes of a request."""

from django.http import HttpResponse
from django.urls import path

from congdoan.core.client_ip import client_ip
from congdoan.urls import handler500  # noqa: F401
from congdoan.urls import urlpatterns as project_urlpatterns


def show_client_ip(request):
    response = HttpResponse(client_ip(request), content_type="text/plain")
    response["Cache-Control"] = "no-store"
    return response


urlpatterns = [path("__client-ip__/", show_client_ip), *project_urlpatterns]
