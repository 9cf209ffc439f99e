"""The back office of events, one module per subject."""

from events.admin import delegations, guests, meetings, notices  # noqa: F401  (they register their admins)
