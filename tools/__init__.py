"""Hand-written tools around the generated client: the recorded server and the recorder.

- ``python -m tools.recorded_server`` (``make serve``) replays the recordings over HTTP, a stand-in
  Pieces OS for people and clients.
- ``python -m tools.record`` (``make record``) re-records the contract scenarios from a live Pieces OS,
  or (``--synthesize``) rebuilds the shipped, synthesized recordings.

The generated package is used from ``generated/`` (as the tests use it, see the pytest ``pythonpath``
in pyproject.toml), not installed, so it is put on ``sys.path`` here for ``python -m tools...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
RECORDINGS = ROOT / "tests" / "recordings"

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))
