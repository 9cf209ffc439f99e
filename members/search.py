"""Member cities in the site-wide search, found by their names, region and introduction."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import registry
from core.search.sources import Item, join, midnight
from members.models import MemberCity, Region


def city_item(city):
    if city.status == MemberCity.Status.LEFT:
        return None
    return Item(
        kind="city", key=city.slug, title=city.name, title_en=city.name_en, text=city.introduction,
        text_en=city.introduction_en, date=midnight(city.joined_on),
        weighted=[("A", join(city.name, city.name_en)), ("B", join(city.region.name, city.region.name_en)),
                  ("C", join(city.introduction, city.introduction_en))],
    )


def indexed_cities():
    return MemberCity.objects.members().select_related("region")


def register():
    registry.register(registry.SearchKind(
        name="city", label=_("Member cities"), model=MemberCity, position=30, item=city_item, queryset=indexed_cities,
        url=lambda key: reverse("members:city", args=[key]),
        # A region is indexed with its cities.
        dependents={Region: lambda region: indexed_cities().filter(region=region)},
    ))
