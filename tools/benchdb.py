"""The benchmarks' own PostgreSQL databases, made on first use and kept."""

from urllib.parse import urlsplit


def _admin(url):
    import psycopg2

    parts = urlsplit(url)
    admin = psycopg2.connect(host=parts.hostname, port=parts.port or 5432, user=parts.username, dbname="postgres")
    admin.autocommit = True
    return admin, parts.path.lstrip("/")


def recreate_database(url):
    """An empty database `url` names, dropped first if it exists."""
    admin, name = _admin(url)
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    finally:
        admin.close()


def create_database_if_missing(url):
    """Create the database `url` names unless it exists; whether it was created."""
    admin, name = _admin(url)
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is not None:
                return False
            cursor.execute(f'CREATE DATABASE "{name}"')
            return True
    finally:
        admin.close()
