"""Fixtures for the members app: two cities of `region` (tests/conftest.py) with their officers, and a helper
for the links in e-mails."""

import re

import pytest

from tests.factories import LiaisonOfficerFactory, MemberCityFactory

LINK = re.compile(r"https?://[^/\s]+(/\S*?/(?:invitation|password/reset)/[^/\s]+/[^/\s]+/)")


@pytest.fixture
def city(region):
    return MemberCityFactory(name="北海市", name_en="Beihai", slug="beihai", region=region)


@pytest.fixture
def other_city(region):
    return MemberCityFactory(name="钦州市", name_en="Qinzhou", slug="qinzhou", region=region)


@pytest.fixture
def officer(city):
    """A current primary officer of `city` whose account has the factories' PASSWORD."""
    return LiaisonOfficerFactory(
        city=city, name="林海波", email="linhaibo@beihai.example.cn", user__username="linhaibo"
    )


@pytest.fixture
def other_officer(other_city):
    return LiaisonOfficerFactory(
        city=other_city,
        name="邓晓岚",
        email="dengxiaolan@qinzhou.example.cn",
        user__username="dengxiaolan",
        office_phone="0777-5550 1212",
        mobile="13977712121",
    )


def link_in(message):
    """The path of the one-time link in an e-mail (invitation or password reset)."""
    found = LINK.findall(message.body)
    assert len(found) == 1, message.body
    return found[0]
