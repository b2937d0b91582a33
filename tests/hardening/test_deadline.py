"""The whole-call deadline: a server that trickles its answer cannot hold a call past Client(deadline=...).

The per-phase timeout of these clients (2 s) is never reached by a trickle (a byte every 0.2 s), so only
the deadline can end those calls.
"""

from __future__ import annotations

import math
import time

import httpx
import pytest

from pieces_models_client import Client, errors
from pieces_models_client.client import DEFAULT_DEADLINE
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import ENDPOINTS, MODES, Endpoint

PHASE = httpx.Timeout(2.0)  # longer than any gap of a trickle
DEADLINE = 0.6
SNAPSHOT, CREATE, UNLOAD = ENDPOINTS[0], ENDPOINTS[1], ENDPOINTS[4]  # a GET, a POST with a body, a 204
TRICKLE = 3  # spaces before the body of a finite trickle: 0.6 s

# The deadline lives in send(), shared by every operation: three unlike operations stand for the five.
each_endpoint = pytest.mark.parametrize("endpoint", [SNAPSHOT, CREATE, UNLOAD], ids=str)
each_mode = pytest.mark.parametrize("mode", MODES)


def timed(endpoint: Endpoint, mode: str, responder: object, **client_args: object):
    """Call `endpoint` against `responder`: (result or exception, seconds taken, requests received)."""
    with loopback.serve(responder) as server:
        client = loopback.client(server.url, **client_args)
        start = time.monotonic()
        try:
            with client:
                outcome: object = endpoint.call(mode, client)
        except Exception as exc:
            outcome = exc
        return outcome, time.monotonic() - start, list(server.received)


def assert_deadline_error(error: object, endpoint: Endpoint, elapsed: float) -> None:
    assert type(error) is errors.RequestTimeout, repr(error)
    assert 0.5 <= elapsed <= 2.0, f"{elapsed:.2f} s"
    assert f"within the deadline of {DEADLINE:g} s for the whole call" in str(error)
    assert "Client(deadline=...)" in str(error)
    assert error.url.endswith(endpoint.target)
    assert error.operation == endpoint.module.OPERATION


@each_endpoint
@each_mode
def test_body_trickle_is_cut_at_the_deadline(endpoint, mode):
    """Headers at once, then a byte every 0.2 s for ever: RequestTimeout naming the deadline, at ~0.6 s."""
    error, elapsed, received = timed(endpoint, mode, faults.body_trickle(), timeout=PHASE, deadline=DEADLINE)
    assert_deadline_error(error, endpoint, elapsed)
    assert len(received) == 1


@each_mode
def test_header_trickle_is_cut_at_the_deadline(mode):
    """The status line, then a header byte every 0.2 s for ever: RequestTimeout naming the deadline."""
    error, elapsed, received = timed(UNLOAD, mode, faults.header_trickle(), timeout=PHASE, deadline=DEADLINE)
    assert_deadline_error(error, UNLOAD, elapsed)
    assert len(received) == 1


@each_mode
def test_no_deadline_lets_a_slow_answer_finish(mode):
    """deadline=None really disables it: a 0.6 s body trickle ending in the snapshot completes."""
    trickle = faults.body_trickle(SNAPSHOT.success_bytes, count=TRICKLE)
    result, elapsed, _ = timed(SNAPSHOT, mode, trickle, timeout=PHASE, deadline=None)
    assert not isinstance(result, Exception), repr(result)
    assert result.to_dict()["iterable"][0]["id"] == SNAPSHOT.success_body["iterable"][0]["id"]
    assert 0.6 <= elapsed < 3.0


@each_mode
def test_no_deadline_lets_slow_headers_finish(mode):
    """deadline=None: a header trickle of 0.6 s, then a 204, completes."""
    trickle = faults.header_trickle(count=TRICKLE)
    result, elapsed, _ = timed(UNLOAD, mode, trickle, timeout=PHASE, deadline=None)
    assert result is None
    assert 0.6 <= elapsed < 3.0


def test_default_deadline_is_finite():
    """A Client made without deadline= has DEFAULT_DEADLINE, 300 s: finite, not None."""
    assert DEFAULT_DEADLINE == 300.0
    assert Client(base_url="http://127.0.0.1:9").deadline == DEFAULT_DEADLINE
    assert loopback.client("http://127.0.0.1:9").deadline == 300.0


@each_mode
def test_default_deadline_is_the_one_in_force(mode):
    """A 0.6 s trickle fails under deadline=0.3 and completes under the default 300 s deadline."""
    trickle = faults.body_trickle(SNAPSHOT.success_bytes, count=TRICKLE)
    error, elapsed, _ = timed(SNAPSHOT, mode, trickle, timeout=PHASE, deadline=0.3)
    assert type(error) is errors.RequestTimeout, repr(error)
    assert "deadline of 0.3 s" in str(error)
    assert 0.3 <= elapsed < 1.0
    client = loopback.client("http://127.0.0.1:9", timeout=PHASE)
    assert client.deadline == DEFAULT_DEADLINE
    result, elapsed, _ = timed(SNAPSHOT, mode, trickle, timeout=PHASE)
    assert not isinstance(result, Exception), repr(result)
    assert len(result.iterable) == len(SNAPSHOT.success_body["iterable"])
    assert elapsed >= 0.6


@pytest.mark.parametrize("value", [0, -1, True, False, "5", math.nan, -math.inf, [5]], ids=repr)
def test_invalid_deadline_is_refused(value):
    """deadline must be a positive number or None: anything else is InvalidParameter('deadline')."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url="http://127.0.0.1:9", deadline=value)
    assert caught.value.parameter == "deadline"
    assert str(caught.value) == f"deadline: expected a positive number of seconds or None, got {value!r}"


@pytest.mark.parametrize("value", [0.25, 1, 10**6, None], ids=repr)
def test_valid_deadline_is_kept(value):
    """A positive int or float (or None) is kept as given."""
    assert Client(base_url="http://127.0.0.1:9", deadline=value).deadline == value


@each_mode
@pytest.mark.parametrize("deadline", [None, 5.0])
def test_per_phase_timeout_still_applies(mode, deadline):
    """A stall with timeout=0.3 raises the per-phase RequestTimeout, deadline or not."""
    error, elapsed, _ = timed(SNAPSHOT, mode, faults.stall(), timeout=httpx.Timeout(0.3), deadline=deadline)
    assert type(error) is errors.RequestTimeout, repr(error)
    assert 0.25 <= elapsed < 1.5, f"{elapsed:.2f} s"
    assert "deadline" not in str(error)
    assert "did not answer in time (ReadTimeout" in str(error)
    assert isinstance(error.__cause__, httpx.ReadTimeout)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", [math.inf, 1e10], ids=repr)
def test_huge_deadline_without_phase_timeout(mode, value):
    """A huge deadline (inf, 1e10) with timeout=None is refused or works, never an OverflowError."""
    refusal = None
    try:
        loopback.client("http://127.0.0.1:9", timeout=None, deadline=value)
    except errors.InvalidParameter as exc:
        refusal = exc
    if refusal is not None:
        assert refusal.parameter == "deadline"
        return
    with (
        loopback.serve(faults.status(204)) as server,
        loopback.client(server.url, timeout=None, deadline=value) as client,
    ):
        assert UNLOAD.call(mode, client) is None
    assert len(server.received) == 1


@each_mode
def test_a_deadline_already_past_sends_nothing(mode):
    """A deadline that has passed before the connection is made (1 ns): RequestTimeout naming the
    deadline, whose cause says so, and the server never hears from the client."""
    with loopback.serve(faults.status(204)) as server:
        client = loopback.client(server.url, deadline=1e-9)
        with pytest.raises(errors.RequestTimeout) as caught:
            UNLOAD.call(mode, client)
        assert server.received == []
    assert "within the deadline of 1e-09 s for the whole call" in str(caught.value)
    assert str(caught.value.__cause__) == "the deadline of the call was exceeded"
