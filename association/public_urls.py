from django.urls import path

from association import feeds, views
from core.search import views as search_views

app_name = "association"

urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("about/leadership/", views.leadership, name="leadership"),
    path("about/branches/", views.branch_list, name="branch_list"),
    path("about/branches/<slug:slug>/", views.branch_detail, name="branch_detail"),
    path("about/branches/<slug:slug>/feed/", feeds.BranchFeed(), name="branch_feed"),
    path("about/branches/<slug:slug>/atom/", feeds.BranchAtomFeed(), name="branch_atom"),
    path("about/<slug:slug>/", views.page, name="page"),
    path("documents/", views.document_list, name="document_list"),
    path("documents/<int:pk>/download/", views.document_download, name="document_download"),
    path("contact/", views.contact, name="contact"),
    path("search/", search_views.search, name="search"),
]
