"""Public pages of the association's and the branches' bodies: who sits on them now, who sat before, and the
resolutions published."""

from django.shortcuts import get_object_or_404, render

from governance import selectors
from governance.models import Body, Resolution


def body_detail(request, pk):
    body = get_object_or_404(Body.objects.select_related("branch"), pk=pk)
    term = selectors.current_term(body.pk)
    context = {
        "body": body,
        "term": term,
        "roster": selectors.roster(term) if term else [],
        "past_terms": selectors.past_terms(body),
        "resolutions": Resolution.objects.public().filter(body=body),
    }
    return render(request, "governance/body_detail.html", context)
