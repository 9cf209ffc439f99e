"""The admin of a scoped model (core/scopes.py): its lists, change pages, history, bulk actions, autocomplete and
custom views read `for_user()`, and its permission checks ask django-rules about the object in hand, so a branch's
staff meet only their branch's rows, and an address of another's is a 404 or a 403."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from rules.contrib.admin import ObjectPermissionsModelAdminMixin

from core import scopes

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet
    from django.http import HttpRequest


class ScopedAdminMixin(ObjectPermissionsModelAdminMixin):
    """Mixed into the ModelAdmin of a scoped model, before ModelAdmin."""

    model: type[Model]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return scopes.for_user(super().get_queryset(request), request.user)  # type: ignore[misc]

    def _get_obj_does_not_exist_redirect(self, request: HttpRequest, opts: Any, object_id: str) -> Any:
        """Another branch's object is not there for this user: a 404, not a redirect that names it."""
        raise Http404

    def changelist_view(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        """A bulk action naming rows outside the user's part of the site is refused whole (403), not run on the
        rest: nothing is changed."""
        selected = set(request.POST.getlist(ACTION_CHECKBOX_NAME)) if request.method == "POST" else set()
        if selected:
            try:
                found = scopes.for_user(self.model._default_manager.filter(pk__in=selected), request.user).count()
            except (ValueError, ValidationError):
                found = -1
            if found != len(selected):
                raise PermissionDenied
        return super().changelist_view(request, extra_context)  # type: ignore[misc]

    def scoped_object_or_404(self, request: HttpRequest, queryset: QuerySet[Any], **lookup: Any) -> Any:
        """For the admin's own views (exports, printouts, workflow steps): the object, if this user may see it."""
        from django.shortcuts import get_object_or_404

        return get_object_or_404(scopes.for_user(queryset, request.user), **lookup)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        """A branch's staff file what they write under their branch, and may choose no other."""
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]
        sections = scopes.sections_of(request.user)
        if field is not None and sections is not None and scopes.scoped_paths().get(self.model) == db_field.name:
            field.queryset = field.queryset.filter(pk__in=sections)
            field.required = True
            field.empty_label = None
        return field
