"""Who may see what the association keeps for its members: one visibility for every members-only file (documents,
periodical issues), one rule for who may read them, and one view that hands a file over (core/media/downloads.py).

The permission that opens members-only files is the one an app declares (Contributions.members_permission); the
liaison officers' group is granted it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Self, TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from core import registry

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser, User
    from django.db.models.fields.files import FieldFile

_M = TypeVar("_M", bound=models.Model)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Liaison officers and staff only")


class MembersOnlyFileMixin:
    """A model with a `visibility` field (Visibility) and a `file`: public, or for members only."""

    visibility: str
    file: FieldFile

    @property
    def is_members_only(self) -> bool:
        return self.visibility == Visibility.MEMBERS

    def public_file(self) -> FieldFile | None:
        """The file anyone may download (a page, a feed, the API), or None."""
        return self.file if self.file and not self.is_members_only else None

    def may_be_downloaded_by(self, user: User | AnonymousUser) -> bool:
        return bool(self.file) and (not self.is_members_only or can_read_members_only(user))


class VisibilityQuerySet(models.QuerySet[_M]):
    def public(self) -> Self:
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user: User | AnonymousUser) -> Self:
        return self if can_read_members_only(user) else self.public()

    def published(self) -> Self:
        """Published, in the sense of the content types' protocol: every row is; who may read it is visibility."""
        return self.all()


def can_read_members_only(user: User | AnonymousUser) -> bool:
    """Staff, and those given the declared permission (liaison officers, through their group)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or any(user.has_perm(permission) for permission in registry.members_permissions())
