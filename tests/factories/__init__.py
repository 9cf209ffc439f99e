"""factory-boy factories for every model of the portal, one module per app.

`from tests.factories import X` works for every factory and helper: this package re-exports them all.
SearchEntry (core.search) has no factory: see tests/factories/core.py.
"""

from tests.factories.association import (
    AssociationFactory,
    BranchFactory,
    CouncilMemberFactory,
    DocumentFactory,
    LeaderFactory,
    PageFactory,
    PositionFactory,
)
from tests.factories.core import (
    BlockedTermFactory,
    ExportLogFactory,
    OutgoingEmailFactory,
    PeriodicRunFactory,
    SecurityEventFactory,
)
from tests.factories.events import (
    AgendaItemFactory,
    DelegateFactory,
    DelegationFactory,
    DelegationTransitionFactory,
    EventFactory,
    EventPhotoFactory,
    EventSeriesFactory,
    EventVideoFactory,
    GuestInvitationFactory,
    MeetingNoticeFactory,
    NoticeRecipientFactory,
    SpeakerFactory,
)
from tests.factories.files import PDF_BYTES, pdf_file, png_file
from tests.factories.members import (
    LiaisonAwardFactory,
    LiaisonOfficerFactory,
    MayorFactory,
    MemberCityFactory,
    OfficerUserFactory,
    RegionFactory,
)
from tests.factories.news import (
    ArticleFactory,
    ArticleImageFactory,
    ArticleViewFactory,
    AttachmentFactory,
    CategoryFactory,
    TopicEntryFactory,
    TopicFactory,
)
from tests.factories.publications import IssueEntryFactory, IssueFactory, PeriodicalFactory
from tests.factories.subscriptions import SubscriberFactory
from tests.factories.users import (
    PASSWORD,
    StaffUserFactory,
    SuperUserFactory,
    UserFactory,
)

__all__ = [
    "PASSWORD",
    "PDF_BYTES",
    "AgendaItemFactory",
    "ArticleFactory",
    "ArticleImageFactory",
    "ArticleViewFactory",
    "AssociationFactory",
    "AttachmentFactory",
    "BlockedTermFactory",
    "BranchFactory",
    "CategoryFactory",
    "CouncilMemberFactory",
    "DelegateFactory",
    "DelegationFactory",
    "DelegationTransitionFactory",
    "DocumentFactory",
    "EventFactory",
    "EventPhotoFactory",
    "EventSeriesFactory",
    "EventVideoFactory",
    "ExportLogFactory",
    "GuestInvitationFactory",
    "IssueEntryFactory",
    "IssueFactory",
    "LeaderFactory",
    "LiaisonAwardFactory",
    "LiaisonOfficerFactory",
    "MayorFactory",
    "MeetingNoticeFactory",
    "MemberCityFactory",
    "NoticeRecipientFactory",
    "OfficerUserFactory",
    "OutgoingEmailFactory",
    "PageFactory",
    "PeriodicRunFactory",
    "PeriodicalFactory",
    "PositionFactory",
    "RegionFactory",
    "SecurityEventFactory",
    "SpeakerFactory",
    "StaffUserFactory",
    "SubscriberFactory",
    "SuperUserFactory",
    "TopicEntryFactory",
    "TopicFactory",
    "UserFactory",
    "pdf_file",
    "png_file",
]
