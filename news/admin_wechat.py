"""The official account's published articles in the admin (news/wechat_api.py), each imported as a draft with a
click; those imported before name their draft."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from news import wechat_api
from news.models import Article, Category
from news.wechat_import import wechat_import_published


class PublishedImportForm(forms.Form):
    article_id = forms.CharField(max_length=100)
    index = forms.IntegerField(min_value=1, max_value=8)
    category = forms.ModelChoiceField(queryset=Category.objects.all(), label=gettext_lazy("category"))


def published_view(modeladmin, request):
    if not request.user.has_perm("news.add_article"):
        raise PermissionDenied
    if not wechat_api.is_configured():
        messages.warning(request, _("Set WECHAT_APP_ID and WECHAT_APP_SECRET to list the account's articles."))
        return redirect("admin:news_article_wechat")
    status = 200
    if request.method == "POST":
        form = PublishedImportForm(request.POST)
        if form.is_valid():
            try:
                imported = wechat_import_published(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect(request.get_full_path())
            if imported.created:
                messages.success(request, _("Imported as a draft: %(title)s.") % {"title": imported.article})
            else:
                messages.info(request, _("This article was imported before: %(title)s.") % {"title": imported.article})
            return redirect("admin:news_article_change", imported.article.pk)
        messages.error(request, _("Choose an article and a category."))
        status = 400
    offset = request.GET.get("offset", "0")
    offset = int(offset) if offset.isdigit() else 0
    error, total, items = "", 0, []
    try:
        total, items = wechat_api.published(offset=offset)
    except wechat_api.WechatApiError as refused:
        error, status = str(refused), 502
    imported = dict(Article.objects.filter(wechat_key__in=[item.key for item in items]).values_list("wechat_key", "pk"))
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": _("Articles published by the official account"),
        "items": [(item, imported.get(item.key)) for item in items],
        "error": error,
        "categories": Category.objects.all(),
        "previous": max(0, offset - wechat_api.PAGE_SIZE) if offset else None,
        "next": offset + wechat_api.PAGE_SIZE if offset + wechat_api.PAGE_SIZE < total else None,
        "total": total,
    }
    return TemplateResponse(request, "admin/news/article/wechat_published.html", context, status=status)
