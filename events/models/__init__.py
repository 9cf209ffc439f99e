"""The models of meetings and their delegations (one module each), importable from events.models."""

from events.models.delegations import (  # noqa: F401
    Delegate,
    DelegateQuerySet,
    Delegation,
    DelegationQuerySet,
    DelegationTransition,
    GuestInvitation,
    new_checkin_token,
    new_invitation_token,
)
from events.models.media import EventVideo  # noqa: F401
from events.models.meetings import (  # noqa: F401
    OPTIONAL_MOMENTS,
    AgendaItem,
    Event,
    EventPhoto,
    EventQuerySet,
    EventSeries,
    RegistrationWindow,
    Speaker,
    edition_label,
)
from events.models.notices import MeetingNotice, NoticeRecipient  # noqa: F401
from events.models.rooms import Hotel  # noqa: F401
