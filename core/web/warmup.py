"""What a worker would otherwise load during its first requests, loaded once as the application starts. Under
gunicorn (deploy/gunicorn.conf.py, `preload_app`) that is in the master before it forks, so the workers share it
and no reader's or officer's request pays for it. When registration opens, eight fresh workers each spent about a
second of processor importing the URLconf (the admin's and the API's routes) and compiling templates on their
first requests, while a thousand officers waited."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.db import connections
from django.template import TemplateSyntaxError, engines
from django.urls import get_resolver
from django.utils import translation

from core.i18n.chinese import to_simplified, to_traditional
from core.search.segment import warm_up as load_dictionary


def warm_up() -> None:
    load_dictionary()  # jieba's dictionary, for search
    to_traditional("预热")  # OpenCC's Simplified → Traditional tables
    to_simplified("預熱")  # and back, for search queries typed in Traditional
    is_language_prefix_patterns_used(settings.ROOT_URLCONF)  # imports the URLconf, every app's views with it
    for code, _name in settings.LANGUAGES:
        with translation.override(code):  # the language's catalogue, and the URLs' reverse table in it
            get_resolver().reverse_dict  # noqa: B018
    compile_templates()
    connections.close_all()  # nothing above should have connected; a forked connection would be shared


def compile_templates() -> int:
    """Every template of the project's own (not the installed packages'), into the cached loader; how many."""
    engine = engines["django"]
    root = Path(settings.BASE_DIR)
    compiled = 0
    for name in engine.template_dirs:
        folder = Path(name)
        if not folder.is_relative_to(root) or folder.is_relative_to(root / ".venv"):
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".html", ".txt", ".xml"}:
                try:
                    engine.get_template(str(path.relative_to(folder)))
                except TemplateSyntaxError:
                    continue  # a fragment that only makes sense included; it is compiled when it is
                compiled += 1
    return compiled
