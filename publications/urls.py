from django.urls import path

from publications import views

app_name = "publications"

urlpatterns = [
    path("", views.index, name="index"),
    path("issues/<int:pk>/pdf/", views.issue_pdf, name="issue_pdf"),
    path("<slug:slug>/", views.periodical, name="periodical"),
    path("<slug:slug>/<int:year>/", views.periodical, name="periodical_year"),
    path("<slug:slug>/<int:year>/<int:number>/", views.issue, name="issue"),
]
