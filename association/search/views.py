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
    context = {"form": form, "query": None, "categories": Category.objects.all(), "years": SearchForm.years()}
    if not form.is_bound or not form.is_valid() or form.cleaned_data["q"] is None:
        status = 400 if form.is_bound and form.errors else 200
        return render(request, "association/search.html", context, status=status)
    query, kind = form.cleaned_data["q"], form.cleaned_data["kind"]
    everything = search_query.find(query, form.filter(search_query.visible_entries(request.user)), kinds=form.kinds())
    page_obj = paginate(request, [match for match in everything if match.kind == kind] if kind else everything)
    entries = SearchEntry.objects.in_bulk([match.pk for match in page_obj.object_list])
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
