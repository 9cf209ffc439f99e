"""The API's page for people: what each endpoint gives, drawn from the same OpenAPI schema the machines read."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from api.api import api


def endpoints() -> list[dict[str, Any]]:
    schema = api.get_openapi_schema(path_prefix=reverse("api-v1:api-root"))
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        {"name": p["name"], "where": p["in"], "required": p.get("required", False)}
                        for p in operation.get("parameters", [])
                    ],
                }
            )
    return found


def index(request: HttpRequest) -> HttpResponse:
    root = reverse("api-v1:api-root")
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": endpoints(),
            "root": request.build_absolute_uri(root),
            "schema_url": reverse("api-v1:openapi-json"),
            "explorer_url": reverse("api-v1:openapi-view"),
        },
    )
