"""/api/v1/: the portal's public content as JSON for WeChat mini-programs and partner portals (django-ninja)."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from api.http import AnonymousThrottle, PortalRenderer
from core import registry

if TYPE_CHECKING:
    from ninja.operation import Operation

DESCRIPTION = """Read-only, public content of the portal: news, meetings, member cities, public documents and
periodicals. No drafts, no members-only files and no personal data are ever returned.

* Language: `?lang=zh-hans|zh-hant|en`, or the `Accept-Language` header. Traditional Chinese is converted from the
  Simplified as on the web pages; English texts fall back to the Chinese where no translation was written
  (`translated: false`).
* Lists are cursor-paginated: follow `next` and `previous`; `page_size` up to 100.
* Responses carry `ETag` and `Cache-Control`; send `If-None-Match` to get `304 Not Modified`.
* Anonymous clients are limited per address per minute (`429 Too Many Requests`).
"""


class PortalAPI(NinjaAPI):
    """Operation ids stay as the first version published them (api_routes_<function>), whichever app's api.py
    holds the endpoint now, so that clients generated from the OpenAPI schema keep their method names."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return f"api_routes_{operation.view_func.__name__}"


api = PortalAPI(
    title="Mayors' Association open data API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    renderer=PortalRenderer(),
    throttle=[AnonymousThrottle()],
    docs_url="/explorer",
)
for prefix, router in registry.api_routers():  # as each app declares them (its contributions.py)
    api.add_router(prefix, router)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": str(_("The request's parameters are not valid.")), "errors": exc.errors}, status=400
    )


@functools.cache
def _resources() -> dict[str, str]:
    """The lists a client starts from (the schema's paths without a parameter), by name: "news", "news/topics"."""
    root = reverse("api-v1:api-root")
    paths = api.get_openapi_schema(path_prefix="")["paths"]
    return {path.strip("/"): f"{root}{path.lstrip('/')}" for path in paths if "{" not in path and path.strip("/")}


@api.get("/", include_in_schema=False, url_name="index")
def index(request: HttpRequest) -> dict[str, object]:
    """What a partner's first request finds: every list, the schema and the documentation."""
    return {
        "resources": {name: request.build_absolute_uri(path) for name, path in _resources().items()},
        "schema": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        "documentation": request.build_absolute_uri(reverse("api_docs:index")),
    }
