"""E-mail subscribers."""

import factory
from django.utils import timezone

from subscriptions.models import Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber to a weekly digest; `pending=True` for one who has not confirmed yet.
    `categories=[...]` and `periodicals=[...]` say what they follow."""

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.cn")
    state = Subscriber.State.ACTIVE
    frequency = Subscriber.Frequency.WEEKLY
    consent_statement = "我同意协会保存此地址，按个人信息保护说明向我发送所选内容。"
    consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)

    class Params:
        pending = factory.Trait(state=Subscriber.State.PENDING, confirmed_at=None)

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)

    @factory.post_generation
    def periodicals(self, create, extracted, **kwargs):
        if create and extracted:
            self.periodicals.set(extracted)
