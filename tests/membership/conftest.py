import datetime

import pytest
from django.utils import timezone

from members.models import MembershipLevel
from membership.contributions import FINANCE
from membership.services import dues
from tests.factories import LiaisonOfficerFactory, MemberCityFactory, StaffUserFactory
from tests.factories.membership import PayeeAccountFactory, rates_for


@pytest.fixture
def year():
    return timezone.localdate().year


@pytest.fixture
def finance(db):
    return StaffUserFactory(groups=[FINANCE])


@pytest.fixture
def dues_setup(db, year):
    PayeeAccountFactory()
    rates_for(year)


@pytest.fixture
def member_city(db):
    city = MemberCityFactory(name="贺州市", membership_level=MembershipLevel.COUNCIL)
    LiaisonOfficerFactory(city=city, email="hezhou@city.example.cn")
    return city


@pytest.fixture
def notice(dues_setup, member_city, finance, year):
    """This year's notice of the member city (a council unit: ¥10,000.00), due at the end of March."""
    (issued,) = dues.dues_issue_notices(year=year, due_on=datetime.date(year, 3, 31), by=finance)
    return issued
