from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n.translation import column, reading_language
from core.search.fields import QueryField
from core.search.query import object_ids
from news.models import Article, Category


class ArticleFilterForm(forms.Form):
    """Optional narrowing of a news list by year or to articles written in the page's content language; a bad value
    is a 400."""

    q = QueryField(label=_("Search the news"))
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1990, max_value=2100)
    english = forms.BooleanField(label=_("Only articles in the page's language"), required=False)
    branch = forms.SlugField(label=_("Branch"), required=False, widget=forms.HiddenInput)

    def clean_branch(self):
        """The branch (named by its address) whose news alone is listed; the model is the association's, reached
        through the article's relation."""
        slug = self.cleaned_data.get("branch")
        if not slug:
            return None
        branch = Article._meta.get_field("branch").related_model.objects.filter(slug=slug, is_active=True).first()
        if branch is None:
            raise forms.ValidationError(_("There is no such branch."))
        return branch

    def filter(self, articles):
        if self.cleaned_data.get("q"):
            articles = articles.filter(pk__in=object_ids(self.cleaned_data["q"], "article"))
        if self.cleaned_data.get("branch"):
            articles = articles.filter(branch=self.cleaned_data["branch"])
        if self.cleaned_data.get("year"):
            articles = articles.filter(publish_at__year=self.cleaned_data["year"])
        language = reading_language()
        if self.cleaned_data.get("english") and language:  # "english": the parameter's name since English came first
            title, body = column("title", language), column("body", language)
            articles = articles.exclude(**{title: ""}).exclude(~Q(body=""), **{body: ""})
        return articles


class WechatImportForm(forms.Form):
    """A WeChat article by its address, or by its saved page (浏览器 → 另存为 → 网页，仅 HTML)."""

    MAX_BYTES = 3_000_000

    url = forms.URLField(
        label=_("address of the article"),
        required=False,
        assume_scheme="https",
        help_text=_("https://mp.weixin.qq.com/s/… as WeChat's share menu copies it."),
    )
    page = forms.FileField(
        label=_("or its saved page"), required=False, help_text=_("The article saved from a browser as HTML.")
    )
    category = forms.ModelChoiceField(queryset=Category.objects.all(), label=_("category"))

    def clean(self):
        data = super().clean()
        if bool(data.get("url")) == bool(data.get("page")):
            raise ValidationError(_("Give the article's address or its saved page, one of the two."))
        page = data.get("page")
        if page is not None:
            if page.size > self.MAX_BYTES:
                raise ValidationError({"page": _("The page is too large (more than 3 MB).")})
            try:
                data["html"] = page.read().decode("utf-8")
            except UnicodeDecodeError:
                raise ValidationError({"page": _("The page is not a web page saved in UTF-8.")}) from None
        return data
