"""An admin page holding one form that a service acts on (record a payment, decide an application): the form is
shown again with its errors and status 400 when the input or the service refuses it, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse

from core.locks import Busy

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


def form_page(
    modeladmin: admin.ModelAdmin[Any],
    request: HttpRequest,
    *,
    form_class: type[forms.Form],
    title: StrOrPromise,
    act: Callable[[dict[str, Any]], StrOrPromise],
    done_url: str,
    intro: StrOrPromise = "",
    initial: dict[str, Any] | None = None,
    form_kwargs: dict[str, Any] | None = None,
    subject: Any = None,
    links: list[tuple[str, StrOrPromise]] | None = None,
) -> HttpResponse:
    """`act(cleaned_data)` calls the service and returns the message for staff; a ValidationError it raises is
    shown on the form (its field, where it names one)."""
    form = form_class(request.POST or None, request.FILES or None, initial=initial, **(form_kwargs or {}))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                message = act(form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            except PermissionDenied:
                raise
            except Busy as busy:
                form.add_error(None, busy.message)
                status = 409
            else:
                modeladmin.message_user(request, message, messages.SUCCESS)
                return HttpResponseRedirect(done_url)
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": modeladmin.model._meta,
        "title": title,
        "intro": intro,
        "form": form,
        "subject": subject,
        "done_url": done_url,
        "links": links or [],
    }
    return TemplateResponse(request, "admin/form_page.html", context, status=status)


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
