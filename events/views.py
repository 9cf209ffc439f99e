from django.db.models import Count, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.i18n.translation import columns
from core.pagination import paginate
from events.calendar import calendar_for
from events.forms import EventFilterForm
from events.models import Delegate, Delegation, Event, EventSeries
from members.models import MemberCity


def _public():
    return Event.objects.published().select_related("series", "host_city")


def index(request):
    form = EventFilterForm(request.GET or None)
    events = _public()
    status = 200
    if form.is_bound and not form.is_valid():
        events, status = events.none(), 400
    elif form.is_bound:
        events = form.filter(events)
    upcoming = list(events.upcoming())
    past_page = paginate(request, events.past(), per_page=20)
    context = {"form": form, "upcoming": upcoming, "page_obj": past_page, "past": past_page.object_list}
    return render(request, "events/index.html", context, status=status)


def detail(request, pk):
    event = get_object_or_404(_public(), pk=pk)
    agenda = event.agenda.prefetch_related("speakers")
    days = {}
    for item in agenda:
        days.setdefault(item.day, []).append(item)
    confirmed = Delegation.objects.filter(event=event).confirmed()
    attendance = confirmed.aggregate(cities=Count("id"), delegate_total=Sum("delegate_count"))
    attendance["present"] = Delegate.objects.filter(delegation__in=confirmed, checked_in_at__isnull=False).count()
    context = {
        "event": event,
        "days": sorted(days.items()),
        "speakers": sorted({speaker for item in agenda for speaker in item.speakers.all()}, key=lambda s: s.name),
        "photos": event.photos.all()[:ALBUM_PREVIEW],
        "photo_count": event.photos.count(),
        "videos": event.videos.all(),
        "attendance": attendance,
        "news": event_news(event),
        "attending_cities": attending_cities(event) if event.lists_attending_cities else [],
    }
    return render(request, "events/detail.html", context)


def attending_cities(event):
    """The member cities with a confirmed delegation, as the meeting's page lists them once staff choose to."""
    return list(
        MemberCity.objects.filter(delegations__event=event, delegations__state=Delegation.State.CONFIRMED)
        .select_related("region")
        .only("slug", "status", "region__order", *columns("name"), *columns("name", through="region"))
        .order_by("region__order", "name")
        .distinct()
    )


ALBUM_PREVIEW = 6


def album(request, pk):
    event = get_object_or_404(_public(), pk=pk)
    return render(request, "events/album.html", {"event": event, "photos": event.photos.all()})


def event_news(event):
    # related_event_id too: the related manager reads it on every row it returns (one query each if deferred).
    return event.articles.published().only("id", "publish_at", "related_event_id", *columns("title"))[:6]


def series(request, slug):
    series = get_object_or_404(EventSeries, slug=slug)
    editions = _public().filter(series=series).order_by("-edition", "-starts_at")
    return render(request, "events/series.html", {"series": series, "editions": editions})


def _ics_response(payload, filename):
    response = HttpResponse(payload, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, pk):
    event = get_object_or_404(_public(), pk=pk)
    return _ics_response(
        calendar_for([event], absolute_url=request.build_absolute_uri, name=event.display_title),
        f"event-{event.pk}.ics",
    )


def upcoming_ics(request):
    events = _public().upcoming()
    return _ics_response(
        calendar_for(events, absolute_url=request.build_absolute_uri, name=_("Meetings of the association")),
        "events.ics",
    )
