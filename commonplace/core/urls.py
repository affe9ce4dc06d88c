from django.urls import path

from commonplace.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("pages/<slug:slug>/", views.page_detail, name="page"),
    path("pages/<slug:slug>/edit/", views.page_edit, name="page-edit"),
    path("site/", views.community_edit, name="site-settings"),
    path("audit/", views.audit_log, name="audit-log"),
    path("vocabulary/<slug:kind>/", views.vocabulary, name="vocabulary"),
]
