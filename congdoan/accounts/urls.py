from django.urls import path

from .csp import csp_report

urlpatterns = [path("csp-report/", csp_report, name="csp_report")]
