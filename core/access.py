"""Who may see what the association keeps for its members."""


def can_read_members_only(user):
    """Staff, and liaison officers (granted through the "liaison officers" group), may read members-only files."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_staff or user.has_perm("association.view_members_only_document")
