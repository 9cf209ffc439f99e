"""A new content type is its app plus a line in INSTALLED_APPS: the toy app under tests/toy/ declares itself in its
contributions.py only, and gets pages, navigation, search, sitemap, page-cache invalidation, staff permissions, a
dashboard tile and the content scan. Its checks run in a process of their own, since installed apps are fixed once
Django starts."""

import subprocess
from pathlib import Path

from tests.own_process import run_pytest, summary

ROOT = Path(__file__).resolve().parents[2]


def test_the_toy_content_type_gets_every_shared_feature_from_its_declaration():
    result = run_pytest("tests/toy/toy_checks.py", settings="tests.toy.settings")
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "11 passed" in summary(result)


def test_nothing_outside_the_toy_app_names_it():
    """The shared features found it by reading its declaration: no file outside tests/toy/ (but its settings, which
    is its line in INSTALLED_APPS, and this test) mentions it."""
    names = subprocess.run(
        [
            "git",
            "grep",
            "-l",
            "-e",
            "tests.toy",
            "-e",
            "toy:",
            "--",
            ".",
            ":!tests/toy",
            ":!tests/core/test_toy_content_type.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert names.stdout == ""
