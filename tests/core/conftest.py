import uuid

import pytest
from django.db import connection


@pytest.fixture
def fresh_database(tmp_path):
    """The address of a new, empty database of the same kind as the tests' (dropped afterwards)."""
    if connection.vendor == "postgresql":
        settings_dict = connection.settings_dict
        name = f"portal_restore_{uuid.uuid4().hex[:8]}"
        base = (
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
        )
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield f"{base}/{name}"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
