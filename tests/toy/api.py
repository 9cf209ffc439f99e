import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api.pages import PAGE, Cursor
from tests.toy.models import Policy

policies = Router(tags=["policies"])


class PolicyOut(Schema):
    id: int
    title: str
    published_at: datetime.datetime


@policies.get("/", response=list[PolicyOut], summary="Published policy documents")
@paginate(Cursor, ordering=("-published_at", "-id"), **PAGE)
def policy_list(request: HttpRequest) -> Any:
    return Policy.objects.published()
