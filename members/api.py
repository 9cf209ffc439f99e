"""Member cities in the read-only API (/api/v1/cities/)."""

import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api.pages import NOT_FOUND, PAGE, Cursor
from core.api.schemas import absolute, in_reader_language
from core.i18n.translation import column, content_languages, localized
from members.models import MemberCity


class CityOut(Schema):
    slug: str
    name: str
    # The name in each content language as it was written (empty where none was): name_<language>.
    __annotations__.update({column("name", language): str for language in content_languages()})
    level: str
    level_name: str
    region: str
    joined_on: datetime.date | None
    population: int | None
    area: int | None
    latitude: float | None
    longitude: float | None
    website: str
    url: str

    @staticmethod
    def resolve_level_name(obj: Any) -> str:
        return str(obj.get_level_display())

    @staticmethod
    def resolve_region(obj: Any) -> str:
        return localized(obj.region, "name")

    @staticmethod
    def resolve_url(obj: Any, context: Any) -> str:
        return absolute(context, obj.get_absolute_url())


class CityDetail(CityOut):
    introduction: str

    resolve_introduction = in_reader_language("introduction")


cities = Router(tags=["member cities"])


@cities.get("/", response=list[CityOut], summary="Member cities")
@paginate(Cursor, ordering=("slug",), **PAGE)
def city_list(request: HttpRequest) -> Any:
    return MemberCity.objects.members().select_related("region")


@cities.get("/{slug}", response={200: CityDetail, **NOT_FOUND}, summary="One member city")
def city_detail(request: HttpRequest, slug: str) -> Any:
    return get_object_or_404(MemberCity.objects.members().select_related("region"), slug=slug)
