from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from api.api import api


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other address under /api/v1/ is a JSON 404 too, never the pages' HTML one."""
    return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)


urlpatterns = [
    path("v1/", api.urls),
    re_path(r"^v1/(?P<rest>[\s\S]*)\Z", not_found),  # any character, a newline too
]
