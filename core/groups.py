"""Staff groups and the model permissions each needs, applied by data migrations.

Each app's data migration calls `grant_group_permissions(apps, "<app_label>")` once its models
exist, so a group gains the permissions of an app when that app arrives.
"""

from django.utils.translation import gettext_lazy as _

ALL = ("view", "add", "change", "delete")
EDIT = ("view", "add", "change")

NEWS_EDITORS = "news editors"
NEWS_REVIEWERS = "news reviewers"
EVENT_MANAGERS = "event managers"
MEMBERSHIP_MANAGERS = "membership managers"
LIAISON_OFFICERS = "liaison officers"

# The names above are keys, stored in English; people read these (core/admin_labels.py).
GROUP_LABELS = {
    NEWS_EDITORS: _("news editors"),
    NEWS_REVIEWERS: _("news reviewers"),
    EVENT_MANAGERS: _("event managers"),
    MEMBERSHIP_MANAGERS: _("membership managers"),
    LIAISON_OFFICERS: _("liaison officers"),
}

# group -> app label -> model -> actions (or explicit codenames with "codename:...")
GROUP_PERMISSIONS = {
    NEWS_EDITORS: {
        "association": {"document": EDIT, "page": EDIT},
        "core": {"blockedterm": ("view",)},
        "news": {
            "article": EDIT, "articleimage": ALL, "attachment": ALL, "historicalarticle": ("view",),
            "category": ("view",), "topic": ("view",), "topicentry": ("view",),
        },
        "publications": {"periodical": ("view",), "issue": EDIT, "issueentry": ALL},
        "taggit": {"tag": EDIT},
    },
    NEWS_REVIEWERS: {
        "association": {"document": ALL, "page": ALL},
        "core": {"blockedterm": ALL},  # they keep the blocklist of spam
        "news": {
            "article": (*ALL, "codename:publish_article"), "articleimage": ALL, "attachment": ALL,
            "historicalarticle": ("view",), "category": ALL, "topic": ALL, "topicentry": ALL,
        },
        "publications": {"periodical": ALL, "issue": ALL, "issueentry": ALL},
        "subscriptions": {"subscriber": ("view",)},
        "taggit": {"tag": ALL},
    },
    EVENT_MANAGERS: {
        "events": {
            "eventseries": ALL, "event": ALL, "agendaitem": ALL, "speaker": ALL, "eventphoto": ALL, "eventvideo": ALL,
            "delegation": ALL, "delegate": ALL, "delegationtransition": ("view",), "guestinvitation": ALL,
            "meetingnotice": ALL, "noticerecipient": ("view",),
        },
        "members": {"membercity": ("view",), "region": ("view",)},
        "core": {"exportlog": ("view",), "outgoingemail": ("view", "change"), "periodicrun": ("view",)},
    },
    MEMBERSHIP_MANAGERS: {
        "association": {"branch": ALL, "councilmember": ALL, "leader": ALL, "position": ALL},
        "axes": {"accessattempt": ("view", "delete")},  # see who is locked out of signing in, and lift it
        "core": {"exportlog": ("view",), "outgoingemail": ("view", "change"), "periodicrun": ("view",),
                 "securityevent": ("view",)},
        "members": {
            "region": ALL, "membercity": ALL, "mayor": ALL, "liaisonofficer": ALL, "liaisonaward": ALL,
            "historicalliaisonofficer": ("view",),
        },
    },
    LIAISON_OFFICERS: {
        "association": {"document": ("codename:view_members_only_document",)},
    },
}


def _codenames(model, actions):
    for action in actions:
        if action.startswith("codename:"):
            yield action.removeprefix("codename:")
        else:
            yield f"{action}_{model}"


def _model_exists(apps, app_label, model):
    try:
        apps.get_model(app_label, model)
    except LookupError:
        return False
    return True


def grant_group_permissions(apps, app_label):
    """Create the groups if needed and give them the listed permissions of one app."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config(app_label)
    # In a migration the app config is a stub; create_permissions skips apps without a models module.
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, per_app in GROUP_PERMISSIONS.items():
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
