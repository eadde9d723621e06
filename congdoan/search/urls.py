from django.urls import path

from . import views
from .api import api_router

urlpatterns = [
    path("tim-kiem/", views.search, name="site_search"),
    path("tim-kiem/goi-y/", views.suggest, name="site_search_suggest"),
    path("api/v2/", api_router.urls),
]
