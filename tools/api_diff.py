"""Breaking changes to the public API of generated/pieces_models_client since a git ref, with griffe.

``make api-diff [BASE=ref]`` lists them (exit 1 if any, 0 if none, 2 if the comparison cannot be made).
``make api-gate`` (``--gate``, in ``make check``) fails only when there is one and the spec's
``info.version`` was not raised as semver asks (the major number, or the minor one while the major is
0). BASE defaults to the latest v* tag, else HEAD. The package at BASE comes from ``git archive`` into a
temporary folder (griffe's ``load_git`` would add a worktree), both sides are read statically, and names
with a leading underscore or imported without ``__all__`` are not public. griffe's
``find_breaking_changes`` leaves type changes out: ``type_changes`` adds any change of a public
annotation (widening included) and of an enum member's value.
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
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class ApiDiffError(Exception):
    """The comparison cannot be made (exit 2)."""


class ParameterChangedTypeBreakage(griffe.ParameterChangedDefaultBreakage):
    """A parameter whose annotation changed, explained like griffe's own parameter breakages."""

    # A kind griffe's BreakageKind lacks (explain() reads name and value); the pinned griffe formats
    # breakages through these _format_* hooks.
    kind = SimpleNamespace(name="PARAMETER_CHANGED_TYPE", value="Parameter types are incompatible")

    def _format_old_value(self, *, colors: bool = True) -> str:
        return str(self.old_value.annotation)

    def _format_new_value(self, *, colors: bool = True) -> str:
        return str(self.new_value.annotation)


def git(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, check=False)


def default_base() -> str:
    """The latest release tag (v*) reachable from HEAD, else HEAD."""
    described = git("describe", "--tags", "--abbrev=0", "--match", "v*")
    return described.stdout.decode().strip() if described.returncode == 0 else "HEAD"


def extract(base: str, into: Path) -> None:
    """Write generated/pieces_models_client and the spec as they are at ``base`` under ``into``."""
    if git("rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode != 0:
        raise ApiDiffError(f"{base!r} is not a commit of this repository (BASE=<git ref>)")
    for path in (PACKAGE_PATH, SPEC_PATH):
        archived = git("archive", "--format=tar", base, "--", path)
        if archived.returncode != 0:
            raise ApiDiffError(f"{base} has no {path}: {archived.stderr.decode().strip()}")
        with tarfile.open(fileobj=io.BytesIO(archived.stdout)) as tar:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(into, filter="data")
            else:  # Python 3.10 before 3.10.12: the archive comes from our own repository
                tar.extractall(into)


def load(generated: Path) -> griffe.Module:
    """The package under ``generated`` (a generated/ folder), read statically."""
    package = griffe.load(
        PACKAGE,
        search_paths=[generated],
        allow_inspection=False,
        modules_collection=griffe.ModulesCollection(),
    )
    if not isinstance(package, griffe.Module) or generated not in Path(package.filepath).parents:
        raise ApiDiffError(f"{PACKAGE} was not found in {generated}")
    return package


def public_objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """Every public object defined (not imported) in ``obj``, recursively."""
    for member in obj.members.values():
        if isinstance(member, griffe.Alias) or not member.is_public:
            continue
        yield member
        if isinstance(member, (griffe.Module, griffe.Class)):
            yield from public_objects(member)


def counterpart(new_package: griffe.Module, old: griffe.Object) -> griffe.Object | None:
    """The object at ``old``'s path in the new package, when it is there and of the same kind."""
    try:
        new = new_package[old.path.removeprefix(f"{PACKAGE}.")]
        if isinstance(new, griffe.Alias):
            new = new.final_target
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return new if isinstance(new, griffe.Object) and new.kind is old.kind else None


def is_enum(obj: griffe.Object | None) -> bool:
    return isinstance(obj, griffe.Class) and any(
        str(base).rsplit(".", 1)[-1] in ENUM_BASES for base in obj.bases
    )


def type_changes(old_package: griffe.Module, new_package: griffe.Module) -> Iterator[griffe.Breakage]:
    """Changed annotations of public attributes, parameters and return values, and changed enum values."""
    for old in public_objects(old_package):
        new = counterpart(new_package, old)  # None: removed or changed kind, find_breaking_changes' to report
        if isinstance(old, griffe.Attribute) and isinstance(new, griffe.Attribute):
            if old.annotation is not None and str(old.annotation) != str(new.annotation):
                yield griffe.AttributeChangedTypeBreakage(new, old.annotation, new.annotation)
            if is_enum(old.parent) and str(old.value) != str(new.value):
                yield griffe.AttributeChangedValueBreakage(new, old.value, new.value)
        elif isinstance(old, griffe.Function) and isinstance(new, griffe.Function):
            new_parameters = {parameter.name: parameter for parameter in new.parameters}
            for parameter in old.parameters:
                kept = new_parameters.get(parameter.name)  # None: removed, find_breaking_changes' to report
                changed = kept is not None and str(parameter.annotation) != str(kept.annotation)
                if parameter.annotation is not None and changed:
                    yield ParameterChangedTypeBreakage(new, parameter, kept)
            if old.returns is not None and str(old.returns) != str(new.returns):
                yield griffe.ReturnChangedTypeBreakage(new, old.returns, new.returns)


def spec_version(text: str, where: str) -> Version:
    try:
        raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["info"]["version"]
        return Version(str(raw))
    except (yaml.YAMLError, KeyError, TypeError, InvalidVersion) as exc:
        raise ApiDiffError(f"info.version of {where} is not a version: {exc}") from exc


def required_bump(old: Version) -> str:
    """The versions a breaking change since ``old`` needs, in words."""
    if old.major == 0:
        return f"0.{old.minor + 1}.0 (or 1.0.0)"
    return f"{old.major + 1}.0.0"


def bump_allows_breaking(old: Version, new: Version) -> bool:
    """Semantic versioning: the major number was raised, or the minor one while the major is 0."""
    if old.major == 0:
        return new.major > 0 or new.minor > old.minor
    return new.major > old.major


def explain(breakage: griffe.Breakage, base: str, snapshot: Path, colors: bool) -> str:
    """griffe's one-line explanation, with the BASE file shown as ``<base>:<path>``."""
    text = breakage.explain(griffe.ExplanationStyle.ONE_LINE)
    text = text.replace(f"{snapshot}/", f"{base}:").replace(f"{ROOT}/", "")
    return text if colors else ANSI.sub("", text)


def plural(count: int) -> str:
    return f"{count} breaking change{'' if count == 1 else 's'}"


def run(base: str | None, gate: bool, colors: bool) -> int:
    name = "api-gate" if gate else "api-diff"
    why = ""
    if base is None:
        base = default_base()
        why = " (the latest v* tag)" if base != "HEAD" else " (no v* tag yet, so HEAD)"
    with tempfile.TemporaryDirectory(prefix="api-diff-") as folder:
        snapshot = Path(folder).resolve()
        extract(base, snapshot)
        old_version = spec_version((snapshot / SPEC_PATH).read_text(), f"{SPEC_PATH} at {base}")
        new_version = spec_version(SPEC.read_text(), SPEC_PATH)
        old_package = load(snapshot / GENERATED.name)
        new_package = load(GENERATED)
        found = [
            *griffe.find_breaking_changes(old_package, new_package),
            *type_changes(old_package, new_package),
        ]
        listing = [explain(breakage, base, snapshot, colors) for breakage in found]

    print(f"{name}: the public API of {PACKAGE_PATH} at {base}{why} against the working tree")
    if not found:
        print(f"{name}: no breaking change since {base}")
        return 0
    for line in listing:
        print(line)
    versions = f"info.version in {SPEC_PATH} is {old_version} at {base} and {new_version} now"
    if not gate:
        print(f"{name}: {plural(len(found))} since {base}; {versions}", end="")
        if bump_allows_breaking(old_version, new_version):
            print(", a bump that allows them")
        else:
            print(f": a release with them needs {required_bump(old_version)}")
        return 1
    if bump_allows_breaking(old_version, new_version):
        print(f"{name}: {plural(len(found))} since {base}, allowed: {versions}")
        return 0
    print(
        f"{name}: FAILED: {plural(len(found))} since {base}, but {versions}.\n"
        f"Raise info.version in {SPEC_PATH} to {required_bump(old_version)}: semantic versioning asks for "
        "a new major number, or a new minor one while the major is 0. Then run 'make generate' and add "
        "the version's section to CHANGELOG.md. Or undo the breaking change."
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
