"""The README stays true for a fresh clone: its links lead to files of the repository, and every `make` target it
names exists."""

import re
from pathlib import Path

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
