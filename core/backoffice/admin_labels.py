"""The names of groups and permissions as staff read them in the admin's forms, filters and lists.

Both are rows whose `name` Django stores once, in English, when they are created (groups by core/groups.py,
permissions by `migrate`); the admin shows `str(row)`. These functions compose the reader's-language label from the
catalogue instead, so a secretariat that switches to Traditional Chinese sees Traditional everywhere.
"""

from django.apps import apps
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.groups import group_labels

DEFAULT_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def group_label(group):
    label = group_labels().get(group.name)
    return str(label) if label is not None else group.name


def permission_label(permission):
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


def boolean_icon(value):
    """Django's tick and cross in lists and read-only fields, with a text alternative in the reader's language
    (Django writes "True" and "False")."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), BOOLEAN_WORDS[value])


def install():
    """Called once from CoreConfig.ready()."""
    from django.contrib.admin.templatetags import admin_list
    from django.contrib.auth.models import Group, Permission

    Group.__str__ = group_label
    Permission.__str__ = permission_label
    admin_list._boolean_icon = boolean_icon
