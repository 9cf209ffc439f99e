"""Staff who work for one part of the site only: a branch's editors, reviewers and event managers.

An app declares, in its contributions.py, which of its models belong to a part of the site and how an object
reaches it (`scoped={"news.Article": "branch", "news.ArticleImage": "article__branch"}`), and which models the
parts' staff may read as shared vocabulary (`shared_with_sections`); one app declares the rows that give staff a
part and a role (`section_staff`: the association's BranchStaff). Core names none of them.

Two answers, which agree on every row (tests/core/test_scopes.py checks it):
- `for_user(queryset, user)`: the rows of a scoped model a user may see, for the admin's lists, autocomplete,
  exports and workflow pages;
- the permissions, as django-rules predicates (rules.permissions.ObjectPermissionBackend): `user.has_perm(perm,
  obj)` holds when the user has the permission (from a group, or from a section role) and obj is in one of the
  user's parts. Staff with a section role get their role's permissions on the scoped models and read-only ones on
  the shared models, and nothing else; staff without one keep their groups' permissions on the whole site.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

import rules
from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.backends import ModelBackend

from core import registry

if TYPE_CHECKING:
    from django.db.models import Model, QuerySet

_model_backend = ModelBackend()


@cache
def scoped_paths() -> dict[type[Model], str]:
    """Each scoped model and the path from its rows to their part of the site."""
    return {apps.get_model(label): path for label, path in registry.scoped_models().items()}


@cache
def shared_models() -> frozenset[type[Model]]:
    return frozenset(apps.get_model(label) for label in registry.shared_with_sections())


def section_staff() -> tuple[type[Model], str] | None:
    declared = registry.section_staff()
    return (apps.get_model(declared.model), declared.section) if declared else None


def _roles(user: Any) -> dict[int, frozenset[str]]:
    """section id -> the roles (staff group names) the user holds there; read once per user object."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return {}
    if not hasattr(user, "_section_roles"):
        staff = section_staff()
        roles: dict[int, set[str]] = {}
        if staff is not None:
            model, section = staff
            for section_id, role in model._default_manager.filter(user=user).values_list(f"{section}_id", "role"):
                roles.setdefault(section_id, set()).add(role)
        user._section_roles = {section_id: frozenset(names) for section_id, names in roles.items()}
    return user._section_roles


def sections_of(user: Any) -> frozenset[int] | None:
    """The parts of the site a user works for, or None for the whole site (superusers, and staff without a
    section role)."""
    if getattr(user, "is_superuser", False):
        return None
    roles = _roles(user)
    return frozenset(roles) if roles else None


def forget(user: Any) -> None:
    """After a user's section roles changed (tests, the admin)."""
    user.__dict__.pop("_section_roles", None)


def role_permissions(user: Any) -> frozenset[str]:
    """What the user's section roles give: each role's group grants on the scoped models, and view on the shared
    models. Nothing on any other model. Worked out once per set of roles: every permission check asks, and the
    declarations do not change while the process runs."""
    names = frozenset(role for roles in _roles(user).values() for role in roles)
    if not names:
        return frozenset()
    return _grants_of(names)


@cache
def _grants_of(names: frozenset[str]) -> frozenset[str]:
    granted = set()
    grants = registry.group_permissions()
    scoped = {model._meta.label_lower for model in scoped_paths()}
    shared = {model._meta.label_lower for model in shared_models()}
    for role in names:
        for app_label, models in grants.get(role, {}).items():
            for model_name, actions in models.items():
                label = f"{app_label}.{model_name}"
                for action in actions:
                    codename = (
                        action.removeprefix("codename:") if action.startswith("codename:") else f"{action}_{model_name}"
                    )
                    if label in scoped or (label in shared and codename == f"view_{model_name}"):
                        granted.add(f"{app_label}.{codename}")
    for model in shared_models():
        granted.add(f"{model._meta.app_label}.{get_permission_codename('view', model._meta)}")
    return frozenset(granted)


def section_of(obj: Model) -> Any:
    """The id of the part of the site obj belongs to (None: the main site); LookupError for unscoped models."""
    *through, last = scoped_paths()[type(obj)].split("__")
    value: Any = obj
    for step in through:
        value = getattr(value, step)
        if value is None:
            return None
    return getattr(value, f"{last}_id")


def in_scope(user: Any, obj: Model | None) -> bool:
    """obj is in one of the user's parts of the site (every object is, for staff of the whole site)."""
    sections = sections_of(user)
    if sections is None or obj is None:
        return True
    if type(obj) not in scoped_paths():
        return False
    return section_of(obj) in sections


def for_user(queryset: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """The rows of a scoped model's queryset that `user` may see in the back office."""
    sections = sections_of(user)
    if sections is None:
        return queryset
    return queryset.filter(**{f"{scoped_paths()[queryset.model]}__in": sections})


def _permission_rule(perm: str) -> Any:
    def holds(user: Any, obj: Any = None) -> bool:
        if not getattr(user, "is_active", False):
            return False
        has = perm in _model_backend.get_all_permissions(user) or perm in role_permissions(user)
        return has and in_scope(user, obj)

    return rules.predicate(holds, name=f"may {perm}")


def model_permissions(model: type[Model]) -> Iterable[str]:
    meta = model._meta
    for action in meta.default_permissions:
        yield f"{meta.app_label}.{get_permission_codename(action, meta)}"
    for codename, _name in meta.permissions:
        yield f"{meta.app_label}.{codename}"


def register_rules() -> None:
    """Every permission of the scoped and shared models becomes a rule (core's AppConfig.ready())."""
    for model in [*scoped_paths(), *shared_models()]:
        for perm in model_permissions(model):
            rules.set_perm(perm, _permission_rule(perm))


def staff_with_role(section_id: int, role: str) -> QuerySet[Any]:
    """The active accounts holding `role` in one part of the site (whom its workflow reaches)."""
    from django.contrib.auth import get_user_model

    staff = section_staff()
    if staff is None:
        return get_user_model().objects.none()
    model, section = staff
    holders = model._default_manager.filter(**{f"{section}_id": section_id, "role": role}).values("user_id")
    return get_user_model().objects.filter(is_active=True, pk__in=holders)


def whole_site_staff_in_group(group: str) -> QuerySet[Any]:
    """The active members of a staff group who work for the whole site (no section role)."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(is_active=True, groups__name=group)
    staff = section_staff()
    if staff is not None:
        users = users.exclude(pk__in=staff[0]._default_manager.values("user_id"))
    return users
