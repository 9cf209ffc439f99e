"""The shared infrastructure's own model: the record of exports of personal data.

SearchEntry has no factory, on purpose. Its rows are derived data: core.search.signals writes one whenever
a registered kind (article, event, member city, document...) is saved and removes it when the item may no
longer be found, and a rebuild replaces them all. A factory could only write entries that point at no
object, or duplicate the index code (and its PostgreSQL tsvector). Make the searchable object with its
factory instead (ArticleFactory, EventFactory, MemberCityFactory, DocumentFactory) and the entry follows.
"""

import factory

from core.models import ExportLog
from tests.factories.users import StaffUserFactory


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    user = factory.SubFactory(StaffUserFactory)
    what = "联络员名册"
    row_count = 12
