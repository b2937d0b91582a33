"""Hand-written tools around the generated client, and the repository's shared paths, stated once.

- ``python -m tools.recorded_server`` (``make serve``) replays the recordings over HTTP.
- ``python -m tools.record`` (``make record``) re-records the contract scenarios.

The generated package is installed into .venv in editable mode (``make venv``), so tools, tests and
the benchmark import ``pieces_models_client`` from generated/ without touching sys.path.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
SPEC = ROOT / "openapi" / "models.yaml"
RECORDINGS = ROOT / "tests" / "recordings"
SNAPSHOT = ROOT / "tests" / "data" / "snapshot-23-models.json"
