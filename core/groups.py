"""Staff groups and the model permissions each needs (declared by the apps), applied by data migrations.

Each app's data migration calls `grant_group_permissions(apps, "<app_label>")` once its models
exist, so a group gains the permissions of an app when that app arrives.
"""

from collections.abc import Iterable, Iterator
from typing import Any

from core import registry


def group_permissions() -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """group -> app label -> model -> actions (or explicit codenames with "codename:..."), as the apps declare
    them in their contributions.py."""
    return registry.group_permissions()


def group_labels() -> dict[str, Any]:
    """The group names are keys, stored in English; people read these (core/backoffice/admin_labels.py)."""
    return {group.name: group.label for group in registry.staff_groups()}


def _codenames(model: str, actions: Iterable[str]) -> Iterator[str]:
    for action in actions:
        if action.startswith("codename:"):
            yield action.removeprefix("codename:")
        else:
            yield f"{action}_{model}"


def _model_exists(apps: Any, app_label: str, model: str) -> bool:
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


def grant_group_permissions(apps: Any, app_label: str) -> None:
    """Create the groups if needed and give them the listed permissions of one app."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    # In a migration the app config is a stub; create_permissions skips apps without a models module.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, per_app in group_permissions().items():
        group, _created = Group.objects.get_or_create(name=group_name)
        wanted = [
            codename
            for model, actions in per_app.get(app_label, {}).items()
            if _model_exists(apps, app_label, model)  # a later migration grants models added later
            for codename in _codenames(model, actions)
        ]
        if wanted:
            permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=wanted)
            found = set(permissions.values_list("codename", flat=True))
            missing = set(wanted) - found
            if missing:
                raise LookupError(f"Permissions not found in {app_label}: {sorted(missing)}")
            group.permissions.add(*permissions)
