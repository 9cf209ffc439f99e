"""The application starts warm (core/web/warmup.py): a fresh gunicorn worker does not import the URLconf or compile
templates in its first requests, which a thousand officers at nine o'clock would wait for."""

from pathlib import Path

from django.conf import settings

from core.web.warmup import compile_templates, warm_up


def project_templates():
    root = Path(settings.BASE_DIR)
    folders = [
        root / "templates",
        *(p for p in root.glob("*/templates") if p.parent.name not in {".venv", "node_modules"}),
    ]
    return [p for folder in folders for p in folder.rglob("*") if p.suffix in {".html", ".txt", ".xml"}]


def test_warming_up_compiles_every_template_of_the_project_and_touches_no_database():
    warm_up()  # without the db fixture: a query would raise
    assert compile_templates() == len(project_templates()) > 150
