"""Python interpreters of the supported versions (3.10+) found on this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

SUPPORTED = ("3.10", "3.11", "3.12", "3.13")
PRINT_VERSION = "import sys; print('%d.%d' % sys.version_info[:2])"


def supported_interpreters() -> dict[str, str]:
    """One interpreter per supported minor version found, the running one first: {version: path}."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = [sys.executable, *(shutil.which(f"python{version}") for version in SUPPORTED)]
    for version in SUPPORTED:
        candidates += sorted(pyenv.glob(f"versions/{version}.*/bin/python{version}"))
    found: dict[str, str] = {}
    for candidate in filter(None, candidates):
        try:
            run = subprocess.run([candidate, "-c", PRINT_VERSION], capture_output=True, text=True, timeout=20)
        except (OSError, subprocess.SubprocessError):
            continue
        found.setdefault(run.stdout.strip(), str(candidate))
    return {version: path for version, path in found.items() if version in SUPPORTED}
