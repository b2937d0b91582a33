"""The discovery range lock is exclusive across processes, so xdist workers bind range ports one test
at a time."""

from __future__ import annotations

import subprocess
import sys

from tests.support.discovery_range import LOCK_FILE

TRY_LOCK = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDONLY)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    print("held elsewhere")
else:
    print("taken")
"""


def _try_lock() -> str:
    result = subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(LOCK_FILE)],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return result.stdout.strip()


def test_another_process_cannot_take_the_lock_while_a_discovery_test_holds_it():
    """While this test runs (holding the lock through the autouse fixture), another process is refused."""
    assert _try_lock() == "held elsewhere"
