from django.urls import path

from congdoan.news.views import discovery as views

app_name = "news"

urlpatterns = [
    path("rss/", views.site_feed, name="rss"),
    path("sitemap.xml", views.sitemap_index, name="sitemap"),
    path("sitemap-<section>.xml", views.sitemap_section, name="sitemap-section"),
    path("robots.txt", views.robots_txt, name="robots"),
]
