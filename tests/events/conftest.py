"""The events fixtures live in tests/events/fixtures.py, loaded for every package by tests/conftest.py."""

from tests.events.fixtures import delegates, meeting_day  # noqa: F401  (imported from here by the tests)
