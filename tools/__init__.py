"""Hand-written tools around the generated client (``make serve``, ``record``, ``verify``, ``api-diff``),
and the repository's shared paths, stated once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "generated"
SPEC = ROOT / "openapi" / "models.yaml"
RECORDINGS = ROOT / "tests" / "recordings"
SNAPSHOT = ROOT / "tests" / "data" / "snapshot-23-models.json"
