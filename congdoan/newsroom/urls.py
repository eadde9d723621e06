from django.urls import path

from congdoan.newsroom import views

app_name = "newsroom"

urlpatterns = [path("gui-tin/", views.submit_story, name="submit_story")]
