"""Contract check 4: every ```python example of README.md runs against the recorded server, so the
documentation cannot rot. The server listens where Client() looks, on a free port of the discovery
range (answering the health check), with PIECES_OS_URL unset, so the examples' Client() finds it as it
would find Pieces OS; the range is held under the discovery tests' file lock
(tests/support/discovery_range.py). An example that passes a URL instead must say why in a comment on
that line, and its http://localhost:1000 is replaced by the server's URL. Each example may use only
the recordings listed for it, each exactly once (list one twice for two requests), must use all of
them, and must print what the recordings say."""

from __future__ import annotations

import contextlib
import io
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from pieces_models_client.client import PIECES_OS_URL_VARIABLE
from tests.contract.recordings import cassette
from tests.support.discovery_range import claimed_range
from tools import ROOT
from tools.recorded_server import RecordedServer

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
    ("Finding Pieces OS", 1): (
        ["models_snapshot"],
        ["Pieces OS is at http://127.0.0.1:393", "None\nhttp://127.0.0.1:393"],
    ),
    ("Errors", 1): (
        ["models_delete_specific_model_error"],
        ["500 models-delete-specific-model Internal Server Error: no model with id no-such-model"],
    ),
    ("Timeouts", 1): ([], []),
    ("Forward compatibility", 1): ([], []),
    ("Performance", 1): (["models_snapshot"], ["23 models"]),
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


def test_every_readme_example_finds_pieces_os_or_says_why_it_passes_a_url():
    """A Client in an example either finds Pieces OS (Client()) or says in a comment why it passes a URL."""
    unexplained = [
        f"README.md:{example.line + number}: {line.strip()}"
        for example in examples()
        for number, line in enumerate(example.code.splitlines())
        if re.search(r"base_url=|https?://", line.split("#", 1)[0]) and "#" not in line
    ]
    assert not unexplained, "a URL without a comment saying why:\n" + "\n".join(unexplained)


@pytest.fixture
def pieces_os(monkeypatch: pytest.MonkeyPatch) -> Iterator[RecordedServer]:
    """The recorded server where Client() looks first: the lowest free port of 39300-39333, with the
    range locked against other discovery tests and PIECES_OS_URL unset.

    If a server we do not control answers the health check on a lower port (a real Pieces OS on a
    developer's machine), the examples must not reach it (one registers, deletes and unloads models):
    PIECES_OS_URL then points them at the recorded server, with a warning that discovery was bypassed.
    """
    monkeypatch.delenv(PIECES_OS_URL_VARIABLE, raising=False)
    with claimed_range() as ports:
        server = ports.start(lambda port: RecordedServer(port=port).start())
        other = ports.shadowing(int(server.url.rsplit(":", 1)[1]))
        if other is not None:
            warnings.warn(
                f"127.0.0.1:{other} answers GET /.well-known/health (Pieces OS?) before the recorded "
                f"server on {server.url}: the README examples reach it through {PIECES_OS_URL_VARIABLE}, "
                "not discovery",
                stacklevel=1,
            )
            monkeypatch.setenv(PIECES_OS_URL_VARIABLE, server.url)
        yield server


@pytest.mark.parametrize("example", examples(), ids=lambda e: f"{e.section}-{e.position}")
def test_readme_example_runs_against_the_recorded_server(example: Example, pieces_os: RecordedServer):
    """The example runs unchanged but for a URL it explains, uses exactly its recordings, and prints their
    values."""
    names, printed = EXAMPLES[example.key]
    recordings = [cassette(name) for name in names]
    code = compile(
        example.code.replace("http://localhost:1000", pieces_os.url),
        f"README.md:{example.line}",
        "exec",
    )
    output = io.StringIO()
    with pieces_os.replaying(recordings), contextlib.redirect_stdout(output):
        exec(code, {"__name__": "__readme__"})
    for text in printed:
        assert text in output.getvalue(), (
            f"README.md:{example.line} did not print {text!r}:\n{output.getvalue()}"
        )
