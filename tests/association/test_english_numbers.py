"""English pages give numbers as English readers count and dial them."""

import pytest
from django.utils import translation

from core.templatetags.portal import phone_link, phone_shown, population


@pytest.mark.parametrize(
    "language, value, shown",
    [
        ("zh-hans", 894, "894 万人"),
        ("zh-hant", 894, "894 萬人"),
        ("en", 894, "8.94 million"),
        ("en", 56, "560,000"),
        ("en", 100, "1 million"),
        ("en", 1280, "12.8 million"),
        ("en", None, ""),
    ],
)
def test_population_in_ten_thousands_reads_naturally(language, value, shown):
    with translation.override(language):
        assert population(value) == shown


@pytest.mark.parametrize(
    "language, number, shown, link",
    [
        ("zh-hans", "0771-5551234", "0771-5551234", "+867715551234"),
        ("en", "0771-5551234", "+86 771 5551234", "+867715551234"),
        ("en", "010-65551234", "+86 10 65551234", "+861065551234"),
        ("en", "13907711234", "+86 139 0771 1234", "+8613907711234"),
        ("en", "+84 24 3825 1234", "+84 24 3825 1234", "+842438251234"),
    ],
)
def test_phone_numbers_are_international_on_english_pages(language, number, shown, link):
    with translation.override(language):
        assert phone_shown(number) == shown
        assert phone_link(number) == link


@pytest.mark.django_db
def test_the_english_contact_block_has_english_address_hours_and_plus_86(client, demo_data):
    from association import demo_english

    demo_english.load(lambda message: None)
    page = client.get("/en/contact/").content.decode()
    assert "+86 771" in page and 'href="tel:+86771' in page
    assert "Minzu Avenue" in page and "Monday to Friday" in page
    assert "民族大道" not in page and "工作日" not in page


def test_machine_times_are_to_the_second_in_the_portals_time_zone():
    import datetime

    from core.templatetags.portal import machine_time

    moment = datetime.datetime(2026, 11, 28, 1, 2, 3, 456789, tzinfo=datetime.UTC)
    assert machine_time(moment) == "2026-11-28T09:02:03+08:00"
    assert machine_time(datetime.date(2026, 11, 28)) == "2026-11-28"
    assert machine_time(None) == ""
