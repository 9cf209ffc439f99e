from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from core.i18n.translation import columns
from core.pagination import paginate
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
    }
    return render(request, "members/index.html", context, status=status)


def city(request, slug):
    city = get_object_or_404(MemberCity.objects.members().select_related("region"), slug=slug)
    today = timezone.localdate()
    current_mayor = city.mayors.filter(Q(term_end__isnull=True) | Q(term_end__gte=today), term_start__lte=today).first()
    context = {
        "city": city,
        "current_mayor": current_mayor,
        "news": city.articles.published().only("id", "publish_at", *columns("title"))[:8],
    }
    return render(request, "members/city_detail.html", context)


def honours(request):
    awards = LiaisonAward.objects.select_related("officer", "officer__city").only(
        "year",
        "title",
        "officer__name",
        "officer__position",
        *columns("name", through="officer__city"),
        "officer__city__slug",
        "officer__city__status",
    )
    by_year = {}
    for award in awards:
        by_year.setdefault(award.year, []).append(award)
    return render(request, "members/honours.html", {"years": sorted(by_year.items(), reverse=True)})
