"""Breaking changes to the public API of generated/pieces_models_client since a git ref, with griffe.

``make api-diff [BASE=ref]`` lists them (exit 1 if any, 0 if none, 2 if the comparison cannot be made).
``make api-gate`` (``--gate``, in ``make check``) fails only when there is one and the spec's
``info.version`` was not raised as semver asks (the major number, or the minor one while the major is
0). BASE defaults to the latest v* tag, else HEAD. The package and spec at BASE come from ``git archive``
into a temporary folder (griffe's ``load_git`` would add a branch and a worktree to the repository, and
prune its worktrees), both sides are read statically, and names with a leading underscore or imported
without ``__all__`` are not public. griffe's ``find_breaking_changes`` leaves type changes out:
``type_changes`` adds any change of a public annotation (widening included) and of an enum member's value.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace

import griffe
import yaml
from packaging.version import InvalidVersion, Version

from tools import GENERATED, ROOT, SPEC

PACKAGE = "pieces_models_client"
PACKAGE_PATH = (GENERATED / PACKAGE).relative_to(ROOT).as_posix()  # generated/pieces_models_client
SPEC_PATH = SPEC.relative_to(ROOT).as_posix()  # openapi/models.yaml
ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # griffe's one-line explanations are always in colour


class ApiDiffError(Exception):
    """The comparison cannot be made (exit 2)."""


class ParameterChangedTypeBreakage(griffe.ParameterChangedDefaultBreakage):
    """A parameter whose annotation changed, explained like griffe's own parameter breakages: a kind
    griffe's BreakageKind lacks (explain() reads its name and value), through the _format_* hooks."""

    kind = SimpleNamespace(name="PARAMETER_CHANGED_TYPE", value="Parameter types are incompatible")

    def _format_old_value(self, *, colors: bool = True) -> str:
        return str(self.old_value.annotation)

    def _format_new_value(self, *, colors: bool = True) -> str:
        return str(self.new_value.annotation)


def git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=False)


def extract(base: str, into: Path) -> None:
    """Write generated/pieces_models_client and the spec as they are at ``base`` under ``into``."""
    if git("rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode != 0:
        raise ApiDiffError(f"{base!r} is not a commit of this repository (BASE=<git ref>)")
    archived = git("archive", "--format=tar", base, "--", PACKAGE_PATH, SPEC_PATH)
    if archived.returncode != 0:
        raise ApiDiffError(f"{base} lacks {PACKAGE_PATH} or {SPEC_PATH}: {archived.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archived.stdout)) as tar:
        tar.extraction_filter = getattr(tarfile, "data_filter", None)  # None before Python 3.10.12
        tar.extractall(into)


def load(generated: Path) -> griffe.Object | griffe.Alias:
    """The package under ``generated`` (a generated/ folder, the only place searched), read statically."""
    try:
        return griffe.load(PACKAGE, search_paths=[generated], allow_inspection=False)
    except ModuleNotFoundError as exc:
        raise ApiDiffError(f"{PACKAGE} was not found in {generated}") from exc


def type_changes(
    old: griffe.Object | griffe.Alias, new: griffe.Object | griffe.Alias
) -> Iterator[griffe.Breakage]:
    """Changed annotations of the public attributes, parameters and return values defined (not imported)
    under ``old``, and changed enum values. What was removed or changed kind is find_breaking_changes'."""
    enum = old.is_class and any(str(base).rsplit(".", 1)[-1] in ENUM_BASES for base in old.bases)
    for name, was in old.members.items():
        if was.is_alias or not was.is_public or name not in new.members:
            continue
        try:
            now = new.members[name].final_target if new.members[name].is_alias else new.members[name]
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            continue
        if now.kind is not was.kind:
            continue
        if was.is_module or was.is_class:
            yield from type_changes(was, now)
        elif was.is_attribute:
            if was.annotation is not None and str(was.annotation) != str(now.annotation):
                yield griffe.AttributeChangedTypeBreakage(now, was.annotation, now.annotation)
            if enum and str(was.value) != str(now.value):
                yield griffe.AttributeChangedValueBreakage(now, was.value, now.value)
        elif was.is_function:
            kept = {parameter.name: parameter for parameter in now.parameters}
            for parameter in was.parameters:
                same = kept.get(parameter.name, parameter)  # a removed one is find_breaking_changes'
                if parameter.annotation is not None and str(parameter.annotation) != str(same.annotation):
                    yield ParameterChangedTypeBreakage(now, parameter, same)
            if was.returns is not None and str(was.returns) != str(now.returns):
                yield griffe.ReturnChangedTypeBreakage(now, was.returns, now.returns)


def spec_version(text: str, where: str) -> Version:
    try:
        return Version(str(yaml.safe_load(text)["info"]["version"]))
    except (yaml.YAMLError, KeyError, TypeError, InvalidVersion) as exc:
        raise ApiDiffError(f"info.version of {where} is not a version: {exc}") from exc


def required_bump(old: Version) -> Version:
    """The lowest version a breaking change since ``old`` may go into, as semantic versioning asks: a new
    major number, or a new minor one while the major is 0."""
    return Version(f"0.{old.minor + 1}.0" if old.major == 0 else f"{old.major + 1}.0.0")


def bump_allows_breaking(old: Version, new: Version) -> bool:
    return Version(new.base_version) >= required_bump(old)


def run(base: str | None, gate: bool, colors: bool) -> int:
    name, why = ("api-gate" if gate else "api-diff"), ""
    if base is None:
        described = git("describe", "--tags", "--abbrev=0", "--match", "v*")
        base = described.stdout.decode().strip() if described.returncode == 0 else "HEAD"
        why = " (the latest v* tag)" if base != "HEAD" else " (no v* tag yet, so HEAD)"
    with tempfile.TemporaryDirectory(prefix="api-diff-") as folder:
        snapshot = Path(folder).resolve()
        extract(base, snapshot)
        old_version = spec_version((snapshot / SPEC_PATH).read_text(), f"{SPEC_PATH} at {base}")
        new_version = spec_version(SPEC.read_text(), SPEC_PATH)
        old, new = load(snapshot / GENERATED.name), load(GENERATED)
        found = [*griffe.find_breaking_changes(old, new), *type_changes(old, new)]
        # griffe's explanations, with the file at BASE shown as <base>:<path>
        listing = "\n".join(
            b.explain().replace(f"{snapshot}/", f"{base}:").replace(f"{ROOT}/", "") for b in found
        )

    print(f"{name}: the public API of {PACKAGE_PATH} at {base}{why} against the working tree")
    if not found:
        print(f"{name}: no breaking change since {base}")
        return 0
    print(listing if colors else ANSI.sub("", listing))
    changes = f"{len(found)} breaking change{'s' * (len(found) != 1)} since {base}"
    versions = f"info.version in {SPEC_PATH} is {old_version} at {base} and {new_version} now"
    needed = f"{required_bump(old_version)}{' (or 1.0.0)' * (old_version.major == 0)}"
    if bump_allows_breaking(old_version, new_version):
        print(f"{name}: {changes}, allowed by the version bump: {versions}")
        return 0 if gate else 1
    if not gate:
        print(f"{name}: {changes}; {versions}: a release with them needs {needed}")
        return 1
    print(
        f"{name}: FAILED: {changes}, but {versions}.\n"
        f"Raise info.version in {SPEC_PATH} to {needed}: semantic versioning asks for a new major number, or "
        "a new minor one while the major is 0. Then run 'make generate' and add the version's section to "
        "CHANGELOG.md. Or undo the breaking change."
    )
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.api_diff", description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="git ref to compare with (default: the latest v* tag, else HEAD)")
    parser.add_argument(
        "--gate",
        action="store_true",
        help="pass breaking changes when info.version was raised as semantic versioning asks",
    )
    args = parser.parse_args(argv)
    colors = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    try:
        return run(args.base or None, args.gate, colors)
    except ApiDiffError as exc:
        print(f"{'api-gate' if args.gate else 'api-diff'}: ERROR: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
