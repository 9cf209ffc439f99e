from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.pagination import paginate
from core.search import query as search_query
from core.search import registry
from core.search.forms import SearchForm
from core.search.highlight import marked, snippet
from core.search.models import SearchEntry

if TYPE_CHECKING:
    from django import forms


def _result(entry: SearchEntry, words: Sequence[str]) -> dict[str, Any]:
    return {
        "entry": entry,
        "url": registry.get(entry.kind).url(entry.key),
        "title": marked(entry.i18n.title, words),
        "snippet": snippet(entry.i18n.text, words),
    }


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    categories = cast("forms.ModelChoiceField[Any] | None", form.fields.get("category"))
    context: dict[str, Any] = {
        "form": form,
        "query": None,
        "categories": categories.queryset if categories else (),
        "sections": cast("forms.ModelChoiceField[Any]", form.fields["section"]).queryset if form.sections else (),
        "years": SearchForm.years(),
    }
    if not form.is_bound or not form.is_valid() or form.cleaned_data["q"] is None:
        status = 400 if form.is_bound and form.errors else 200
        return render(request, "core/search.html", context, status=status)
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
        kinds=registry.kind_choices(),
    )
    return render(request, "core/search.html", context)
