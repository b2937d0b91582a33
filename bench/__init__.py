"""Side-by-side benchmark of this client against the official SDK: `make bench` (see __main__.py).

Every module of the benchmark, and every interpreter it starts, uses the generated package of this
checkout: .venv installs generated/ in editable mode (`make venv`).
"""

from tools import GENERATED, ROOT

VENV_BIN = ROOT / ".venv" / "bin"
WORK = ROOT / "bench" / ".work"  # scratch space, ignored by git

__all__ = ["GENERATED", "ROOT", "VENV_BIN", "WORK"]
