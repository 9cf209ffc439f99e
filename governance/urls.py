from django.urls import path

from governance import views

app_name = "governance"

urlpatterns = [
    path("<int:pk>/", views.body_detail, name="body"),
]
