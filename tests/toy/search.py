from django.urls import reverse

from core.search import registry
from core.search.sources import Item
from tests.toy.models import Policy


def policy_item(policy):
    if not policy.is_live:
        return None
    return Item(
        key=str(policy.pk),
        title=policy.title,
        text=policy.body,
        date=policy.published_at,
        visible_from=policy.published_at,
        weighted=[("A", policy.title), ("C", policy.body)],
    )


def register():
    registry.register(
        registry.SearchKind(
            name="policy",
            label="政策文件",
            model=Policy,
            position=90,
            item=policy_item,
            queryset=lambda: Policy.objects.published(),
            url=lambda key: reverse("toy:detail", args=[int(key)]),
        )
    )
