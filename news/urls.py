from django.urls import path

from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.index, name="index"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("atom/", feeds.LatestArticlesAtomFeed(), name="atom"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("c/<slug:slug>/feed/", feeds.CategoryFeed(), name="category_feed"),
    path("tag/<str:slug>/", views.tag, name="tag"),
    path("topics/", views.topics, name="topics"),
    path("topics/<slug:slug>/", views.topic, name="topic"),
    path("<int:pk>/", views.article, name="article"),
    path("<int:pk>/qr.svg", views.article_qr, name="article_qr"),
    path("<int:pk>/seen/", views.article_seen, name="article_seen"),
]
