"""Which recording answers a request: strict matching with vcrpy's own matchers, and the bookkeeping
that lets a test fail on a request no recording matches or on a recording it never used.

A request matches a recorded one when method, path (exactly as sent, percent-encoding included),
query and body are the same; JSON bodies are compared as JSON (key order and spacing aside, types
not: ``true`` is not ``1``). Headers are not matched: the contract tests check them separately. When
several recordings match, the first one declared answers, every time.
"""

from __future__ import annotations

import difflib
import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from vcr import matchers
from vcr.request import Request

from tools.cassettes import Cassette, Interaction

Matcher = Callable[[Request, Request], None]
_NOT_JSON = object()


def _json(request: Request) -> Any:
    content_type = str(request.headers.get("Content-Type", "")).lower()
    if "json" not in content_type or not request.body:
        return _NOT_JSON
    try:
        return json.loads(request.body)
    except ValueError:
        return _NOT_JSON


def _typed(value: Any) -> Any:
    """``value`` with each scalar tagged by its JSON type (Python's ``True == 1`` does not hold in JSON)."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, bool) or value is None:
        return (type(value).__name__, value)
    return ("number" if isinstance(value, (int, float)) else "string", value)


def body(received: Request, recorded: Request) -> None:
    """vcrpy's body matcher (JSON compared as JSON, a diff when bodies differ), strict about JSON types."""
    matchers.body(received, recorded)
    sent, kept = _json(received), _json(recorded)
    if sent is not _NOT_JSON and kept is not _NOT_JSON and _typed(sent) != _typed(kept):
        raise AssertionError(
            f"the JSON bodies are equal only if true/false are taken for 1/0: sent {json.dumps(sent)}, "
            f"recorded {json.dumps(kept)}"
        )


MATCHERS: tuple[Matcher, ...] = (matchers.method, matchers.path, matchers.query, body)


class ReplayMismatch(AssertionError):
    """A request that no recording matched, or a recording that was declared but never requested."""


class NoMatch(LookupError):
    """No recording matches a request; the message names the closest one and the difference."""


def interactions_of(recordings: Iterable[Cassette | Interaction]) -> list[Interaction]:
    out: list[Interaction] = []
    for item in recordings:
        out.extend(item.interactions if isinstance(item, Cassette) else [item])
    return out


def describe(request: Request) -> str:
    """``POST /models/x/delete (no body)``: a request as messages show it."""
    target = request.uri.split("://", 1)[-1]
    target = target[target.find("/") :] if "/" in target else "/"
    body = request.body
    if not body:
        shown = "no body"
    else:
        text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else str(body)
        shown = f"body {text[:200]}" + ("..." if len(text) > 200 else "")
    return f"{request.method} {target} ({shown})"


def explain_miss(request: Request, candidates: Sequence[Interaction], used: Sequence[Matcher]) -> str:
    """Why ``request`` matches none of ``candidates``: the closest one and how it differs."""
    head = f"No recording matches {describe(request)}."
    if not candidates:
        return head + " No recordings are loaded."

    def distance(candidate: Interaction) -> tuple[int, float]:
        _, failures = matchers.get_matchers_results(request, candidate.request, used)
        similarity = difflib.SequenceMatcher(
            None, f"{request.method} {request.path}", f"{candidate.method} {candidate.path}"
        ).ratio()
        return len(failures), -similarity

    closest = min(candidates, key=distance)
    _, failures = matchers.get_matchers_results(request, closest.request, used)
    lines = [head, f"Closest recording: {closest.label}, which differs in {len(failures)} way(s):"]
    for name, message in failures:
        detail = (message or "").replace("\n", "\n      ")
        lines.append(f"  - {name} (this request != recorded): {detail}")
    return "\n".join(lines)


class Replay:
    """The recordings a server answers from, and what happened to them. Thread-safe."""

    def __init__(self, recordings: Iterable[Cassette | Interaction], used: Sequence[Matcher] = MATCHERS):
        self.interactions = interactions_of(recordings)
        self.matchers = tuple(used)
        self.received: list[Request] = []
        self.misses: list[str] = []
        self.plays: Counter[int] = Counter()
        self._lock = threading.Lock()

    def lookup(self, request: Request) -> Interaction:
        """The first recording that matches ``request``; NoMatch (and a miss noted) when none does."""
        with self._lock:
            self.received.append(request)
            for position, interaction in enumerate(self.interactions):
                if matchers.requests_match(request, interaction.request, self.matchers):
                    self.plays[position] += 1
                    return interaction
            message = explain_miss(request, self.interactions, self.matchers)
            self.misses.append(message)
        raise NoMatch(message)

    def unused(self) -> list[Interaction]:
        with self._lock:
            return [i for position, i in enumerate(self.interactions) if not self.plays[position]]

    def shadowed(self) -> list[Interaction]:
        """Recordings that can never answer: an earlier one matches the same request."""
        out = []
        for position, interaction in enumerate(self.interactions):
            earlier = self.interactions[:position]
            if any(matchers.requests_match(interaction.request, e.request, self.matchers) for e in earlier):
                out.append(interaction)
        return out

    def problems(self) -> list[str]:
        out = list(self.misses)
        unused = self.unused()
        if unused:
            out.append(
                "Recordings declared but never requested:\n"
                + "\n".join(f"  - {interaction.label}" for interaction in unused)
            )
        return out

    def verify(self) -> None:
        """Raise ReplayMismatch listing every unmatched request and every unused recording."""
        problems = self.problems()
        if problems:
            raise ReplayMismatch("\n\n".join(problems))
