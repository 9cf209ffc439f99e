from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse

from association.pagination import paginate
from association.search import query as search_query
from association.search.forms import SearchForm
from association.search.highlight import marked, snippet
from association.search.models import SearchEntry
from news.models import Category

URLS = {
    SearchEntry.Kind.ARTICLE: ("news:article", int),
    SearchEntry.Kind.EVENT: ("events:detail", int),
    SearchEntry.Kind.CITY: ("members:city", str),
    SearchEntry.Kind.DOCUMENT: ("association:document_download", int),
}


def _result(entry, words):
    name, convert = URLS[entry.kind]
    return {
        "entry": entry,
        "url": reverse(name, args=[convert(entry.key)]),
        "title": marked(entry.i18n.title, words),
        "snippet": snippet(entry.i18n.text, words),
    }


def search(request):
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "query": None,
        "max_results": search_query.MAX_RESULTS,
        "categories": Category.objects.all(),
        "years": SearchForm.years(),
    }
    if not form.is_bound or not form.is_valid() or form.query is None:
        status = 400 if form.is_bound and form.errors else 200
        context["page_obj"] = Paginator([], 20).page(1) if status == 400 else None
        return render(request, "association/search.html", context, status=status)
    query = form.query
    visible = search_query.visible_entries(request.user)
    matches = search_query.find(query, form.filter(visible), kinds=form.kinds())
    page_obj = paginate(request, matches)
    entries = SearchEntry.objects.in_bulk([match.pk for match in page_obj.object_list])
    everything = search_query.find(query, form.filter(visible, by_kind=False)) if form.cleaned_data["kind"] else matches
    counts = search_query.count_by_kind(everything)
    context.update(
        query=query,
        page_obj=page_obj,
        # An entry removed since the matches were read (a rebuild running) is left out, not a 500.
        results=[_result(entries[match.pk], query.all_words) for match in page_obj.object_list if match.pk in entries],
        counts=counts,
        total=len(everything),
        capped=any(count >= search_query.MAX_RESULTS for count in counts.values()),
        kinds=SearchEntry.Kind.choices,
    )
    return render(request, "association/search.html", context)
