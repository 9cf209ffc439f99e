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
from tests.factories.publications import IssueEntryFactory, IssueFactory, PeriodicalFactory
from tests.factories.subscriptions import SubscriberFactory
from tests.factories.events import (
    AgendaItemFactory,
    DelegateFactory,
    DelegationFactory,
    DelegationTransitionFactory,
    EventFactory,
    EventPhotoFactory,
    EventVideoFactory,
    EventSeriesFactory,
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
from tests.factories.users import (
    PASSWORD,
    StaffUserFactory,
    SuperUserFactory,
    UserFactory,
)

__all__ = [
    "PASSWORD",
    "OutgoingEmailFactory",
    "PeriodicRunFactory",
    "SecurityEventFactory",
    "PDF_BYTES",
    "AgendaItemFactory",
    "ArticleFactory",
    "ArticleImageFactory",
    "ArticleViewFactory",
    "AssociationFactory",
    "AttachmentFactory",
    "BranchFactory",
    "CategoryFactory",
    "CouncilMemberFactory",
    "DelegateFactory",
    "DelegationFactory",
    "DelegationTransitionFactory",
    "DocumentFactory",
    "EventFactory",
    "EventPhotoFactory",
    "EventVideoFactory",
    "EventSeriesFactory",
    "GuestInvitationFactory",
    "MeetingNoticeFactory",
    "NoticeRecipientFactory",
    "BlockedTermFactory",
    "ExportLogFactory",
    "LeaderFactory",
    "LiaisonAwardFactory",
    "LiaisonOfficerFactory",
    "MayorFactory",
    "MemberCityFactory",
    "OfficerUserFactory",
    "PageFactory",
    "PositionFactory",
    "RegionFactory",
    "SpeakerFactory",
    "StaffUserFactory",
    "SuperUserFactory",
    "TopicEntryFactory",
    "TopicFactory",
    "UserFactory",
    "IssueEntryFactory",
    "IssueFactory",
    "PeriodicalFactory",
    "SubscriberFactory",
    "pdf_file",
    "png_file",
]
