"""Bulk admin actions that call a service once per selected object and report each refusal."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.locks import Busy


def run_for_each(modeladmin, request, objects, call, done_message):
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


def service_action(call, *, description, done, permissions=None, prepare=None):
    """An admin action calling a service on each selected object: `call(obj, by)` names the service and passes its
    arguments, e.g. `lambda article, by: services.article_publish(article=article, by=by)`; `done(n)` is the
    summary. `prepare(queryset)` may add select_related or an order."""

    def action(modeladmin, request, queryset):
        objects = prepare(queryset) if prepare else queryset
        run_for_each(modeladmin, request, objects, lambda obj: call(obj, request.user), done)

    return admin.action(description=description, permissions=permissions)(action)


def service_action_with_reason(
    call, *, description, done, page, field="reason", describe=str, permissions=None, prepare=None
):
    """The same, after a page asks for the reason the service needs, such as why a delegation is rejected:
    `call(obj, by, reason)`. `page` holds the texts of that page: title, intro, label, submit, missing; `field`
    names the reason's form field, and `describe(obj)` each listed object."""

    def action(modeladmin, request, queryset):
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
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/action_with_reason.html", context)

    return admin.action(description=description, permissions=permissions)(action)
