from django.db.models import Count, Sum
from django.shortcuts import get_object_or_404, render

from association.pagination import paginate
from members.forms import DirectoryFilterForm
from members.models import LiaisonAward, MemberCity
from news.models import Article


def index(request):
    form = DirectoryFilterForm(request.GET or None)
    cities = MemberCity.objects.members().select_related("region").only(
        "name", "name_en", "slug", "level", "emblem", "region__name", "region__order"
    )
    status = 200
    if form.is_bound and not form.is_valid():
        cities, status = cities.none(), 400
    elif form.is_bound:
        cities = form.filter(cities)
    totals = MemberCity.objects.members().aggregate(
        count=Count("id"), population=Sum("population"), area=Sum("area")
    )
    page_obj = paginate(request, cities, per_page=60)
    context = {"form": form, "page_obj": page_obj, "cities": page_obj.object_list, "totals": totals}
    return render(request, "members/index.html", context, status=status)


def city(request, slug):
    city = get_object_or_404(MemberCity.objects.members().select_related("region"), slug=slug)
    mayors = list(city.mayors.all())
    context = {
        "city": city,
        "current_mayor": next((m for m in mayors if m.term_end is None), None),
        "news": Article.objects.published().filter(related_cities=city).only("id", "title", "publish_at")[:8],
    }
    return render(request, "members/city_detail.html", context)


def honours(request):
    awards = LiaisonAward.objects.select_related("officer", "officer__city").only(
        "year", "title", "officer__name", "officer__position", "officer__city__name", "officer__city__slug"
    )
    by_year = {}
    for award in awards:
        by_year.setdefault(award.year, []).append(award)
    return render(request, "members/honours.html", {"years": sorted(by_year.items(), reverse=True)})
