"""The shared infrastructure's own models: the record of exports of personal data, the e-mail outbox and the
record of periodic jobs.

SearchEntry has no factory, on purpose. Its rows are derived data: core.search.signals writes one whenever
a registered kind (article, event, member city, document...) is saved and removes it when the item may no
longer be found, and a rebuild replaces them all. A factory could only write entries that point at no
object, or duplicate the index code (and its PostgreSQL tsvector). Make the searchable object with its
factory instead (ArticleFactory, EventFactory, MemberCityFactory, DocumentFactory) and the entry follows.
"""

import factory
from django.utils import timezone

from core.models import (
    BlockedTerm,
    ExportLog,
    OutgoingEmail,
    OutgoingSms,
    PeriodicRun,
    SecurityEvent,
    SmsOptOut,
    SmsTemplate,
    ThrottleCounter,
)
from tests.factories.users import StaffUserFactory


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    user = factory.SubFactory(StaffUserFactory)
    what = "联络员名册"
    row_count = 12


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    """A pending e-mail in the outbox, as a service writes it (delivery is not queued: call
    core.mail.outbox.deliver)."""

    class Meta:
        model = OutgoingEmail

    key = factory.Sequence(lambda n: f"test:{n}")
    kind = "delegation"
    to = factory.Sequence(lambda n: [f"officer{n}@example.cn"])
    language = "zh-hans"
    subject = factory.Sequence(lambda n: f"【市长协会】南宁市代表团报名已确认 {n}")
    body = "南宁市出席联络工作会议的代表团现为：已确认。"


class SmsTemplateFactory(factory.django.DjangoModelFactory):
    """An approved template for one of the events app's kinds of text message."""

    class Meta:
        model = SmsTemplate
        django_get_or_create = ["kind"]

    kind = "meeting_notice"
    text = "${event}会议通知已发至贵市，请于${reply_by}前登录协会网站回复。"
    aliyun_code = factory.Sequence(lambda n: f"SMS_4652{n:05d}")
    tencent_id = factory.Sequence(lambda n: f"{2140000 + n}")


class OutgoingSmsFactory(factory.django.DjangoModelFactory):
    """A text message waiting in the outbox (delivery is not queued: call core.sms.outbox.deliver). Its kind needs
    a template in use (SmsTemplateFactory) to be sent."""

    class Meta:
        model = OutgoingSms

    key = factory.Sequence(lambda n: f"sms-test:{n}")
    kind = "meeting_notice"
    to = factory.Sequence(
        lambda n: f"+861380771{n % 8000 + 1001:04d}"
    )  # never ending 0000 or 9999 (tests/sms_provider.py)
    params = factory.LazyFunction(lambda: {"event": "联络工作会议", "reply_by": "12月10日 17:00"})
    text = "【市长协会】联络工作会议会议通知已发至贵市，请于12月10日 17:00前登录协会网站回复。"


class SmsOptOutFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SmsOptOut
        django_get_or_create = ["number"]

    number = factory.Sequence(lambda n: f"+86139077{n:05d}")
    via = SmsOptOut.Via.REPLY
    reply = "TD"


class PeriodicRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeriodicRun
        django_get_or_create = ["name"]

    name = "outbox-sweep"
    finished_at = factory.LazyFunction(timezone.now)
    duration = 0.05
    summary = "sent 0"


class ThrottleCounterFactory(factory.django.DjangoModelFactory):
    """A request count in its window (core/web/throttle.py, when there is no Redis)."""

    class Meta:
        model = ThrottleCounter

    name = factory.Sequence(lambda n: f"throttle:password-reset:{n:064x}")
    count = 1
    expires_at = factory.LazyFunction(lambda: timezone.now() + timezone.timedelta(minutes=15))


class BlockedTermFactory(factory.django.DjangoModelFactory):
    """A word of spam on the blocklist (the migration seeds the gambling words)."""

    class Meta:
        model = BlockedTerm
        django_get_or_create = ["kind", "term"]

    kind = BlockedTerm.Kind.WORD
    term = factory.Sequence(lambda n: f"代开发票{n}")


class SecurityEventFactory(factory.django.DjangoModelFactory):
    """A line of the security log: a refused request from an address."""

    class Meta:
        model = SecurityEvent

    kind = SecurityEvent.Kind.REFUSED
    username = "linhaibo"
    ip_address = "203.0.113.5"
    path = "/admin/"
