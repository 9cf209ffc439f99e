"""The README stays true for a fresh clone: its links lead to files of the repository, and every `make` target it
names exists."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_every_link_is_to_a_file_of_the_repository():
    targets = re.findall(r"\]\(([^)]+)\)", README)

    assert targets
    outside = [
        target
        for target in targets
        if "://" in target or target.startswith(("../", "/")) or not (ROOT / target.split("#")[0]).exists()
    ]
    assert outside == []


def test_every_make_target_it_names_exists():
    named = set(re.findall(r"`make ([a-z-]+)", README)) | set(re.findall(r"^make ([a-z-]+)", README, re.MULTILINE))
    makefile = (ROOT / "Makefile").read_text()
    defined = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))

    assert named and named - defined == set()


def test_make_run_on_another_port_links_its_e_mails_to_that_port():
    if shutil.which("make") is None:
        pytest.skip("needs make")
    planned = subprocess.run(
        ["make", "-n", "run", "PORT=8841"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    ).stdout
    serve = [line for line in planned.splitlines() if "runserver" in line]
    assert serve == ["SITE_URL=http://127.0.0.1:8841 .venv/bin/python manage.py runserver 127.0.0.1:8841"]
