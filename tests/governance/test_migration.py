"""Today's leaders and branch council members are migrated into bodies, terms and mandates, keeping every row."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_leader_and_council_member_becomes_a_mandate(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'before.sqlite3'}",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONPATH": str(ROOT),
    }
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "governance" / "migration_check.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    rows = json.loads(done.stdout.strip().splitlines()[-1])

    leaders = [row for row in rows if row["branch"] is None]
    council = [row for row in rows if row["branch"] == "women"]
    assert sorted((r["name"], r["position"], r["since"], r["until"]) for r in leaders) == sorted(
        [
            ("韦志宏", "会长", "2022-11-08", None),
            ("李国强", "会长", "2016-10-12", "2022-11-07"),
            ("莫春林", "秘书长", "2020-03-01", None),
        ]
    )
    wei = next(r for r in leaders if r["name"] == "韦志宏")
    assert (
        wei["name_en"] == "Wei Zhihong" and wei["biography"] == "简历。" and wei["affiliation"] == "南宁市人民政府市长"
    )
    assert {r["term_starts"] for r in leaders} == {"2016-10-12"}  # one term, from the earliest leader
    assert [(r["name"], r["position"], r["leading"]) for r in council] == [
        ("覃海燕", "会长", True),
        ("黎雪梅", "副会长", True),
        ("何志强", "理事", False),
    ]
    assert {r["term_starts"] for r in council} == {"2008-03-06"}
    assert len(rows) == 6
