"""Scratch copies of the repository's generation inputs, for tests that run Makefile targets on a copy."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools import ROOT

# Never copied: caches, and what building or installing generated/ leaves in it (another test may be
# writing them at that very moment).
IGNORED = shutil.ignore_patterns("__pycache__", ".pdm-build", "build", "dist", "*.egg-info")


def copy_inputs(destination: Path, names: tuple[str, ...], *, venv: bool = True) -> Path:
    """Copy ``names`` (files or folders, relative to the repository root) into ``destination``, and
    link the repository's .venv there so that Makefile targets run without bootstrapping one."""
    for name in names:
        source, target = ROOT / name, destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=IGNORED)
        else:
            shutil.copy2(source, target)
    if venv:
        (destination / ".venv").symlink_to(ROOT / ".venv")
    return destination
