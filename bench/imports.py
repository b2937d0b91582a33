"""Import time of what a user needs for a snapshot call, each in a fresh interpreter.

Each sample starts a new interpreter (the .venv's, with generated/ on PYTHONPATH for every contender
alike) that reads the clock, runs the import statement, reads the clock again and prints the
difference and how many modules the statement loaded. Interpreter start-up and shutdown are thus left
out by construction rather than subtracted: timing `python -c pass` against `python -c "import ..."`
from outside would add the noise of two process launches (several ms each on a busy machine) to a
figure of a few tens of ms. Bytecode caches and the OS file cache are warm (the warm-up runs write
the .pyc files), as they are for a user from the second run on.

The .venv has click, rich and pygments (openapi-python-client's command line needs them), and httpx
imports them for its own optional command line whenever they are installed: about 70 ms and 150
modules that a user's plain `pip install httpx` does not have. Every timed interpreter therefore
hides the packages in HIDDEN before the clock starts (an import of them fails as if they were not
installed, which httpx expects), for all contenders alike. Set HIDDEN = () to time the .venv as it is.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import Any

from bench import GENERATED, ROOT
from bench.timing import Comparison, Contender, Plan, compare

STATEMENTS = {
    "ours": "from pieces_models_client import Client\n"
    "from pieces_models_client.api.models import models_snapshot",
    "sdk": "from pieces_os_client.api.models_api import ModelsApi",
    "floor": "import httpx, attrs, dateutil.parser",
}

HIDDEN = ("click", "rich", "pygments")

_HIDE = """\
import sys

class Hide:  # a meta path finder
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {hidden!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)

sys.meta_path.insert(0, Hide())
"""

_TIMED = """\
import time
before = len(sys.modules)
start = time.perf_counter()
{statement}
elapsed = time.perf_counter() - start
print(elapsed, len(sys.modules) - before)
"""

ATTEMPTS = 3  # generated/ may be being regenerated (a ~1 s window): retry a failed import


def script(statement: str, *, timed: bool) -> str:
    """The code a fresh interpreter runs: hide HIDDEN, then run the statement (timed: and print its
    seconds and the number of modules it loaded)."""
    hide = _HIDE.format(hidden=HIDDEN)
    return hide + (_TIMED.format(statement=statement) if timed else statement)


def environment() -> dict[str, str]:
    """The environment of every timed interpreter: no PYTHON* variables but PYTHONPATH=generated."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    environment["PYTHONPATH"] = str(GENERATED)
    return environment


def time_import(statement: str) -> tuple[float, int]:
    """Seconds the statement takes in a fresh interpreter, and how many modules it loads."""
    command = [sys.executable, "-c", script(statement, timed=True)]
    for attempt in range(1, ATTEMPTS + 1):
        done = subprocess.run(command, cwd=ROOT, env=environment(), capture_output=True, text=True)
        if done.returncode == 0:
            seconds, modules = done.stdout.split()
            return float(seconds), int(modules)
        if attempt == ATTEMPTS:
            raise RuntimeError(f"{statement!r} failed {ATTEMPTS} times:\n{done.stderr}")
        time.sleep(1.0)
    raise AssertionError("unreachable")


def _contender(name: str, statement: str, modules: dict[str, int]) -> Contender:
    def run(number: int) -> float:
        total = 0.0
        for _ in range(number):
            seconds, modules[name] = time_import(statement)
            total += seconds
        return total

    return Contender(name, run)


def run(plan: Plan) -> tuple[Comparison, dict[str, Any]]:
    """The comparison, and per contender the statement timed and the modules it loaded."""
    modules: dict[str, int] = {}
    contenders = [_contender(name, statement, modules) for name, statement in STATEMENTS.items()]
    comparison = compare(contenders, plan, number=1)
    details = {name: {"statement": STATEMENTS[name], "modules": modules[name]} for name in STATEMENTS}
    return comparison, details
