"""The names of groups and permissions as staff read them in the admin's forms, filters and lists.

Both are rows whose `name` Django stores once, in English, when they are created (groups by core/groups.py,
permissions by `migrate`); the admin shows `str(row)`. These functions compose the reader's-language label from the
catalogue instead, so a secretariat that switches to Traditional Chinese sees Traditional everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.groups import group_labels

if TYPE_CHECKING:
    from django.contrib.auth.models import Group, Permission

DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def group_label(group: Group) -> str:
    label = group_labels().get(group.name)
    return str(label) if label is not None else group.name


def permission_label(permission: Permission) -> str:
    content_type = permission.content_type
    model = content_type.model_class()
    if model is None:  # a table left by a removed app
        return f"{content_type.app_label} | {permission.name}"
    app_name = apps.get_app_config(model._meta.app_label).verbose_name
    model_name = gettext(str(model._meta.verbose_name))
    action, _sep, rest = permission.codename.partition("_")
    if action in DEFAULT_ACTIONS and rest == model._meta.model_name:
        name = DEFAULT_ACTIONS[action] % {"model": model_name}
    else:
        name = gettext(permission.name)
    return f"{app_name} | {model_name} | {name}"


BOOLEAN_WORDS = {True: _("Yes"), False: _("No"), None: _("Unknown")}


def boolean_icon(value: bool | None) -> SafeString:
    """Django's tick and cross in lists and read-only fields, with a text alternative in the reader's language
    (Django writes "True" and "False")."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), BOOLEAN_WORDS[value])


def install() -> None:
    """Called once from CoreConfig.ready()."""
    from django.contrib.admin.templatetags import admin_list
    from django.contrib.auth.models import Group, Permission

    # Replaced on purpose, once, for every caller: the type checker refuses assignments to methods and does not know
    # the admin's private _boolean_icon.
    Group.__str__ = group_label  # type: ignore[method-assign,assignment]
    Permission.__str__ = permission_label  # type: ignore[method-assign,assignment]
    admin_list._boolean_icon = boolean_icon  # type: ignore[attr-defined]
