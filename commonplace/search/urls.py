from django.urls import path

from commonplace.search import views

app_name = "search"

urlpatterns = [path("", views.everything, name="everything")]
