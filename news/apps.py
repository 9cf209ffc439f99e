from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from core import integrity, jobs, pagecache
        from news.models import Article
        from news import search, selectors, tasks

        search.register()
        jobs.run_in_process_periodically(tasks.flush_view_counts)
        pagecache.register_next_change(selectors.next_publish_at)
        integrity.register(Article, Article.objects.published)
