from django.urls import path

from api import docs

app_name = "api_docs"

urlpatterns = [path("", docs.index, name="index")]
