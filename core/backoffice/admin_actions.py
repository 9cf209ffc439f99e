"""Bulk admin actions that call a service once per selected object and report each refusal."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.locks import Busy

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django_stubs_ext import StrOrPromise

    # An admin action: what ModelAdmin.actions lists.
    Action = Callable[[admin.ModelAdmin[Any], HttpRequest, QuerySet[Any]], TemplateResponse | None]


def run_for_each(
    modeladmin: admin.ModelAdmin[Any],
    request: HttpRequest,
    objects: Iterable[Any],
    call: Callable[[Any], object],
    done_message: Callable[[int], StrOrPromise],
) -> None:
    """`call(obj)` for every object; refusals become warnings naming the object, successes one summary."""
    done = 0
    for obj in objects:
        try:
            call(obj)
            done += 1
        except ValidationError as error:
            modeladmin.message_user(request, f"{obj}: {error.messages[0]}", messages.WARNING)
        except PermissionDenied:
            modeladmin.message_user(request, f"{obj}: {_('You may not do this.')}", messages.WARNING)
        except Busy as busy:
            modeladmin.message_user(request, f"{obj}: {busy.message}", messages.WARNING)
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)


def service_action(
    call: Callable[[Any, Any], object],
    *,
    description: StrOrPromise,
    done: Callable[[int], StrOrPromise],
    permissions: Sequence[str] | None = None,
    prepare: Callable[[QuerySet[Any]], Iterable[Any]] | None = None,
) -> Action:
    """An admin action calling a service on each selected object: `call(obj, by)` names the service and passes its
    arguments, e.g. `lambda article, by: services.article_publish(article=article, by=by)`; `done(n)` is the
    summary. `prepare(queryset)` may add select_related or an order."""

    def action(modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Any]) -> None:
        objects = prepare(queryset) if prepare else queryset
        run_for_each(modeladmin, request, objects, lambda obj: call(obj, request.user), done)

    return admin.action(description=description, permissions=permissions)(action)


def service_action_with_reason(
    call: Callable[[Any, Any, str], object],
    *,
    description: StrOrPromise,
    done: Callable[[int], StrOrPromise],
    page: Mapping[str, Any],
    field: str = "reason",
    describe: Callable[[Any], str] = str,
    permissions: Sequence[str] | None = None,
    prepare: Callable[[QuerySet[Any]], Iterable[Any]] | None = None,
) -> Action:
    """The same, after a page asks for the reason the service needs, such as why a delegation is rejected:
    `call(obj, by, reason)`. `page` holds the texts of that page: title, intro, label, submit, missing; `field`
    names the reason's form field, and `describe(obj)` each listed object."""

    def action(
        modeladmin: admin.ModelAdmin[Any], request: HttpRequest, queryset: QuerySet[Any]
    ) -> TemplateResponse | None:
        reason = request.POST.get(field, "").strip()
        if "confirm" in request.POST:
            if reason:
                objects = prepare(queryset) if prepare else queryset
                run_for_each(modeladmin, request, objects, lambda obj: call(obj, request.user, reason), done)
                return None
            modeladmin.message_user(request, page["missing"], messages.ERROR)
        context = {
            **modeladmin.admin_site.each_context(request),
            **page,
            "objects": [(obj.pk, describe(obj)) for obj in queryset],
            "field": field,
            "reason": reason,
            "action_name": request.POST.get("action", ""),
            "opts": modeladmin.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/action_with_reason.html", context)

    return admin.action(description=description, permissions=permissions)(action)
