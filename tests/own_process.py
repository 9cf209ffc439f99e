"""Running some tests in a pytest process of their own, with other settings (installed apps and content languages
are fixed once Django starts). Such settings use an SQLite database in memory, so that the process never shares a
test database with the suite that started it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_pytest(path, *, settings, extra=()):
    """The finished process; its last line of output is pytest's summary."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            str(path),
            "-q",
            "-p",
            "no:cacheprovider",
            "--ds",
            settings,
            "-o",
            "addopts=",
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def summary(result):
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-2000:]
