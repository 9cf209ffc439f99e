from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce


def per_row(related: QuerySet, link: str, column: str | None = None) -> Coalesce:
    """For a change list: how many `related` rows point at each row (or the sum of their `column`), as a subquery
    per row. A join with GROUP BY would make the list's own count group the whole related table."""
    grouped = related.filter(**{link: OuterRef("pk")}).order_by().values(link)
    total = grouped.annotate(total=Sum(column) if column else Count("pk")).values("total")
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)
