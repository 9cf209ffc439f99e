"""The back office of membership, one module per subject."""

from membership.admin import applications, certificates, dues, statements  # noqa: F401  (they register their admins)
