"""Contract check 4: every ```python example of README.md runs against the recorded server, so the
documentation cannot rot. Each example is pointed at the server (its http://localhost:1000 replaced
by the server's URL), may use only the recordings listed for it, must use all of them, and must print
what the recordings say."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass

import pytest

from tests.contract.recordings import cassettes
from tools import ROOT

README = ROOT / "README.md"

# (section heading, position of the example in its section) -> (recordings it uses, text it prints)
EXAMPLES: dict[tuple[str, int], tuple[list[str], list[str]]] = {
    ("Using the client", 1): (
        ["models_snapshot"],
        ["GPT-4o GPT_4 True False\n", "Llama 3.2 3B LLAMA_LATEST False True\n"],
    ),
    ("Using the client", 2): (
        ["models_snapshot", "model_lifecycle", "unload_models"],
        [
            "registered 8c0321a4-d8da-57a7-aecc-511d37e6b741",
            "cache deleted for 8c0321a4-d8da-57a7-aecc-511d37e6b741",
        ],
    ),
    ("Using the client", 3): (
        ["models_snapshot", "unload_models", "models_delete_specific_model_error"],
        ["23 models", "500 Internal Server Error: no model with id no-such-model"],
    ),
    ("Errors", 1): (
        ["models_delete_specific_model_error"],
        ["500 models-delete-specific-model Internal Server Error: no model with id no-such-model"],
    ),
    ("Timeouts", 1): ([], []),
    ("Forward compatibility", 1): ([], []),
}


@dataclass(frozen=True)
class Example:
    section: str
    position: int
    line: int
    code: str

    @property
    def key(self) -> tuple[str, int]:
        return (self.section, self.position)


def examples() -> list[Example]:
    """The ```python blocks of README.md, with the heading they sit under."""
    found: list[Example] = []
    section, start, block = "", 0, None
    for number, line in enumerate(README.read_text(encoding="utf-8").splitlines(), start=1):
        if block is None and (heading := re.match(r"#+ (.+)", line)):
            section = heading.group(1).strip()
        elif block is None and line.strip() == "```python":
            start, block = number + 1, []
        elif block is not None and line.strip() == "```":
            position = 1 + sum(example.section == section for example in found)
            found.append(Example(section, position, start, "\n".join(block) + "\n"))
            block = None
        elif block is not None:
            block.append(line)
    return found


def test_every_readme_example_has_its_recordings_listed():
    """Adding, removing or moving a README example requires saying here what it may use."""
    assert [example.key for example in examples()] == list(EXAMPLES)


@pytest.mark.parametrize("example", examples(), ids=lambda e: f"{e.section}-{e.position}")
def test_readme_example_runs_against_the_recorded_server(example: Example, recorded_server):
    """The example runs unchanged but for the URL, uses exactly its recordings, and prints their values."""
    names, printed = EXAMPLES[example.key]
    recordings = [next(c for c in cassettes() if c.name == name) for name in names]
    code = compile(
        example.code.replace("http://localhost:1000", recorded_server.url),
        f"README.md:{example.line}",
        "exec",
    )
    output = io.StringIO()
    with recorded_server.replaying(recordings), contextlib.redirect_stdout(output):
        exec(code, {"__name__": "__readme__"})
    for text in printed:
        assert text in output.getvalue(), (
            f"README.md:{example.line} did not print {text!r}:\n{output.getvalue()}"
        )
