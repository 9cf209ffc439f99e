"""Who may see what the association keeps for its members: one visibility for every members-only file (documents,
periodical issues), one rule for who may read them, and one view that hands a file over (core/media/downloads.py).

The permission that opens members-only files is the one an app declares (Contributions.members_permission); the
liaison officers' group is granted it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core import registry


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Liaison officers and staff only")


class MembersOnlyFileMixin:
    """A model with a `visibility` field (Visibility) and a `file`: public, or for members only."""

    @property
    def is_members_only(self):
        return self.visibility == Visibility.MEMBERS

    def public_file(self):
        """The file anyone may download (a page, a feed, the API), or None."""
        return self.file if self.file and not self.is_members_only else None

    def may_be_downloaded_by(self, user):
        return bool(self.file) and (not self.is_members_only or can_read_members_only(user))


class VisibilityQuerySet(models.QuerySet):
    def public(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user):
        return self if can_read_members_only(user) else self.public()

    def published(self):
        """Published, in the sense of the content types' protocol: every row is; who may read it is visibility."""
        return self.all()


def can_read_members_only(user):
    """Staff, and those given the declared permission (liaison officers, through their group)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or any(user.has_perm(permission) for permission in registry.members_permissions())
