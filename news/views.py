from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from taggit.models import Tag

from core.i18n.translation import columns, localized
from core.media.qr import qr_svg
from core.pagination import paginate
from news import selectors, services
from news.forms import ArticleFilterForm
from news.models import Article, Category, Topic


def _article_list(request, articles, *, heading, crumbs=(), category=None, tag=None, extra=None):
    form = ArticleFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        page_obj, status = Paginator(articles.none(), 20).page(1), 400
    else:
        page_obj, status = paginate(request, (form.filter(articles) if form.is_bound else articles).for_listing()), 200
    branch = form.cleaned_data.get("branch") if form.is_bound and form.is_valid() else None
    if branch is not None:
        heading = _("%(heading)s: %(branch)s") % {"heading": heading, "branch": localized(branch, "name")}
    context = {
        "heading": heading,
        "crumbs": crumbs,
        "branch": branch,
        "form": form,
        "page_obj": page_obj,
        "articles": page_obj.object_list,
        "category_tree": selectors.category_tree(),
        "current_category": category,
        "tag": tag,
        **(extra or {}),
    }
    return render(request, "news/article_list.html", context, status=status)


def index(request):
    return _article_list(request, Article.objects.published(), heading=_("News"))


def category(request, slug):
    category = get_object_or_404(Category.objects.select_related("parent"), slug=slug)
    crumbs = [(localized(category.parent, "name"), category.parent.get_absolute_url())] if category.parent else []
    return _article_list(
        request,
        Article.objects.published().in_category(category),
        heading=localized(category, "name"),
        crumbs=crumbs,
        category=category,
    )


def tag(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    heading = _("Tag: %(tag)s") % {"tag": tag.name}
    return _article_list(request, Article.objects.published().filter(tags=tag), heading=heading, tag=tag)


def topics(request):
    """Every published special topic, with how many published articles it gathers."""
    published = Article.objects.published()
    counted = Topic.objects.published().annotate(
        article_count=Count("entries", filter=Q(entries__article__in=published.values("pk")))
    )
    return render(request, "news/topic_list.html", {"topics": counted})


def topic(request, slug):
    topic = get_object_or_404(Topic.objects.published(), slug=slug)
    entries = topic.entries.filter(article__in=Article.objects.published()).select_related(
        "article", "article__category"
    )
    return render(request, "news/topic_detail.html", {"topic": topic, "entries": entries})


def article(request, pk):
    article = get_object_or_404(Article.objects.select_related("category", "category__parent"), pk=pk)
    preview = not article.is_live
    if preview and not request.user.has_perm("news.view_article", article):
        raise Http404(_("There is no such article."))

    published_here = Article.objects.published().filter(category_id=article.category_id).only("id", *columns("title"))
    earlier = Q(publish_at__lt=article.publish_at) | Q(publish_at=article.publish_at, id__lt=article.pk)
    later = Q(publish_at__gt=article.publish_at) | Q(publish_at=article.publish_at, id__gt=article.pk)
    tags = list(article.tags.all())
    related = []
    if tags:
        related = (
            Article.objects.published()
            .filter(tags__in=tags)
            .exclude(pk=article.pk)
            .annotate(shared=Count("tags"))
            .order_by("-shared", "-publish_at")
            .only("id", "publish_at", *columns("title"))[:5]
        )
    context = {
        "article": article,
        "preview": preview,
        "body_images": (images := list(article.images.all())),
        "images": [image for image in images if not image.in_body],
        "attachments": article.attachments.all(),
        "tags": tags,
        "previous_article": published_here.filter(earlier).order_by("-publish_at", "-id").first(),
        "next_article": published_here.filter(later).order_by("publish_at", "id").first(),
        "related": related,
        "absolute_url": request.build_absolute_uri(article.get_absolute_url()),
    }
    context["structured_data"] = _news_article_data(request, article, context["absolute_url"])
    response = render(request, "news/article_detail.html", context)
    if preview:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def _news_article_data(request, article, url):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": localized(article, "title"),
        "datePublished": article.publish_at.isoformat(),
        "dateModified": article.updated_at.isoformat(),
        "mainEntityOfPage": url,
        "articleSection": localized(article.category, "name"),
    }
    if article.author:
        data["author"] = {"@type": "Person", "name": localized(article, "author")}
    if article.summary:
        data["description"] = localized(article, "summary")
    if article.picture:
        data["image"] = [request.build_absolute_uri(article.picture["src"])]
    return data


def article_qr(request, pk):
    article = get_object_or_404(Article.objects.published().only("id"), pk=pk)
    svg = qr_svg(request.build_absolute_uri(article.get_absolute_url()))
    response = HttpResponse(svg, content_type="image/svg+xml")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@csrf_exempt  # a beacon from a page that may have come from a cache; it changes nothing but a counter
@require_POST
@never_cache
def article_seen(request, pk):
    """The article page's script reports one view here, so views are counted even when the page was cached."""
    if not services.article_count_view(article_id=pk):
        raise Http404(_("There is no such article."))
    return HttpResponse(status=204)
