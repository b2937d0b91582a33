"""Hypothesis runs derandomized in CI (reproducible failures) and random with print_blob elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tools import ROOT

# Imports the suite's conftest in a fresh interpreter, then runs one property test twice in that process.
PROBE = """
import json
import tests.conftest
from hypothesis import given, settings, strategies as st

seen = []

@given(st.integers())
def probe(value):
    seen.append(value)

probe()
first = list(seen)
seen.clear()
probe()
current = settings.default
print(json.dumps({
    "derandomize": current.derandomize,
    "database": repr(current.database),
    "print_blob": current.print_blob,
    "max_examples": current.max_examples,
    "same_examples_twice": first == seen,
}))
"""


def loaded_profile(**env: str) -> dict:
    environment = {key: value for key, value in os.environ.items() if key not in ("CI", "HYPOTHESIS_PROFILE")}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env={**environment, **env, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    ("env", "examples"),
    [({"CI": "true"}, 100), ({"CI": "true", "HYPOTHESIS_PROFILE": "thorough"}, 1000)],
    ids=["ci", "ci-thorough"],
)
def test_ci_loads_a_derandomized_profile(env, examples):
    """With CI=true the profile (thorough too) is derandomized, no database: same examples every run."""
    profile = loaded_profile(**env)
    assert profile["derandomize"] is True
    assert profile["database"] == "None"
    assert profile["max_examples"] == examples
    assert profile["same_examples_twice"] is True


@pytest.mark.parametrize("env", [{}, {"CI": "false"}, {"CI": ""}], ids=["unset", "false", "empty"])
def test_outside_ci_examples_stay_random_with_print_blob(env):
    """Without CI the profile stays random (new examples each run) and prints the reproducing blob."""
    profile = loaded_profile(**env)
    assert profile["derandomize"] is False
    assert profile["database"] == "None"
    assert profile["print_blob"] is True
    assert profile["max_examples"] == 100
    assert profile["same_examples_twice"] is False
