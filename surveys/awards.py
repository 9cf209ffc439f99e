"""The public page of the association's awards (/awards/): each decided call with whom or what it honoured. The
outstanding liaison officers are also on the members' honours page."""

from django.db.models import Prefetch
from django.shortcuts import render

from surveys.models import Nomination, NominationCall


def award_list(request):
    honoured = Nomination.objects.filter(decision=Nomination.Decision.HONOURED).select_related(
        "officer", "response__city"
    )
    calls = NominationCall.objects.filter(state=NominationCall.State.DECIDED).prefetch_related(
        Prefetch("nominations", queryset=honoured.order_by("response__city__name"), to_attr="honoured")
    )
    return render(request, "surveys/awards.html", {"calls": calls})
