"""The condition engine answers the same in the browser (static/js/conditions.js, run by Node.js) as on the server
(surveys/conditions.py), case by case; and conditions it cannot read are refused with a message."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from surveys import conditions

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((Path(__file__).parent / "condition_cases.json").read_text())


@pytest.mark.parametrize("case", CASES, ids=[str(n) for n in range(len(CASES))])
def test_the_server_decides_each_case(case):
    assert conditions.holds(case["condition"], case["answers"]) is case["shown"]


def test_the_browser_decides_every_case_the_same():
    if shutil.which("node") is None:
        pytest.skip("Node.js is needed to run the browser's engine (make test installs it for the page checkers)")
    script = (
        f"const engine = require({json.dumps(str(ROOT / 'static/js/conditions.js'))});"
        f"const cases = require({json.dumps(str(Path(__file__).parent / 'condition_cases.json'))});"
        "console.log(JSON.stringify(cases.map((c) => engine.holds(c.condition, c.answers))));"
    )
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60, check=True)

    assert json.loads(done.stdout) == [case["shown"] for case in CASES]


@pytest.mark.parametrize(
    "condition",
    [
        [],
        {"all": {}},
        {"all": [], "any": []},
        {"all": [{"is": "是"}]},
        {"all": [{"question": "q1"}]},
        {"all": [{"question": "q1", "is": "是", "includes": "否"}]},
        {"all": [{"question": "q1", "between": [1]}]},
        {"all": [{"question": "q1", "answered": "yes"}]},
        {"all": [{"question": "q1", "is": True}]},
        {"all": [{"question": "q1", "is": None}]},
    ],
)
def test_a_condition_the_engine_cannot_read_is_refused(condition):
    with pytest.raises(ValueError):
        conditions.check(condition)


def test_the_keys_a_condition_reads():
    condition = {"all": [{"question": "a", "is": "1"}, {"any": [{"question": "b", "at_least": 2}]}]}

    assert conditions.questions_named(condition) == {"a", "b"}
