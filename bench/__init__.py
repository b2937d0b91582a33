"""Side-by-side benchmark of this client against the official SDK: `make bench` (see __main__.py).

The generated package is not installed in .venv, so importing this package puts generated/ first on
sys.path: every module of the benchmark, and every interpreter it starts, uses the generated package of
this checkout.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"
VENV_BIN = ROOT / ".venv" / "bin"
WORK = ROOT / "bench" / ".work"  # scratch space, ignored by git

if str(GENERATED) not in sys.path:
    sys.path.insert(0, str(GENERATED))
