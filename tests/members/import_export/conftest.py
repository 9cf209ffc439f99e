"""The regions, cities and signed-in membership manager the import tests work with."""

import pytest

from tests.factories import MemberCityFactory, RegionFactory


@pytest.fixture
def regions(region):
    return [region, RegionFactory(name="广东省", name_en="Guangdong")]


@pytest.fixture
def cities(regions):
    return [
        MemberCityFactory(slug="liuzhou", name="柳州市", region=regions[0]),
        MemberCityFactory(slug="dongxing", name="东兴市", region=regions[0], level="county"),
    ]


@pytest.fixture
def manager_client(client, membership_manager):
    client.force_login(membership_manager)
    return client
