"""max_response_bytes: a body that grows past the limit, once decoded, stops the call with ResponseTooLarge.

Compressed bodies are counted after decompression, so a gzip bomb costs neither memory nor time; a
body that is not what its Content-Encoding says is a ResponseParseError, not a transport failure.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zlib

import pytest

from pieces_models_client import Client, errors
from pieces_models_client.client import DEFAULT_MAX_RESPONSE_BYTES
from tests.robustness import faults
from tests.support import loopback
from tests.support.endpoints import DETAILED_MODES, ENDPOINTS, MODES, Endpoint

SNAPSHOT = ENDPOINTS[0]
WITH_BODY = [endpoint for endpoint in ENDPOINTS if endpoint.has_body]
LIMIT = 1000

each_endpoint = pytest.mark.parametrize("endpoint", ENDPOINTS, ids=str)
each_mode = pytest.mark.parametrize("mode", MODES)


def call(endpoint: Endpoint, mode: str, responder: object, **client_args: object):
    """Call `endpoint` against `responder`: (result or exception, seconds taken, requests received)."""
    with loopback.serve(responder) as server:
        start = time.monotonic()
        try:
            with loopback.client(server.url, **client_args) as client:
                outcome: object = endpoint.call(mode, client)
        except Exception as exc:
            outcome = exc
        return outcome, time.monotonic() - start, list(server.received)


def assert_too_large(error: object, endpoint: Endpoint, limit: int, status: int) -> errors.ResponseTooLarge:
    assert type(error) is errors.ResponseTooLarge, repr(error)
    assert error.limit == limit
    assert error.received > limit
    assert error.status_code == status
    assert error.url.startswith("http://127.0.0.1:")
    assert error.url.endswith(endpoint.target)
    assert error.operation == endpoint.module.OPERATION
    assert f"max_response_bytes={limit}" in str(error)
    return error


@each_endpoint
@each_mode
def test_body_over_the_limit_raises_response_too_large(endpoint, mode):
    """A 200 of LIMIT + 1 bytes: ResponseTooLarge with the limit, the bytes read, status, URL, operation."""
    error, _, received = call(endpoint, mode, faults.sized(LIMIT + 1), max_response_bytes=LIMIT)
    assert_too_large(error, endpoint, LIMIT, 200)
    assert error.received == LIMIT + 1
    assert len(received) == 1


@pytest.mark.parametrize("endpoint", WITH_BODY, ids=str)
@each_mode
def test_body_exactly_at_the_limit_is_read(endpoint, mode):
    """A success body of exactly max_response_bytes bytes is accepted and parsed."""
    body = endpoint.success_bytes
    reply = faults.status(endpoint.success_status, body, "application/json")
    result, _, _ = call(endpoint, mode, reply, max_response_bytes=len(body))
    assert not isinstance(result, Exception), repr(result)
    assert result.to_dict() == type(result).from_dict(endpoint.success_body).to_dict()
    error, _, _ = call(endpoint, mode, reply, max_response_bytes=len(body) - 1)
    assert_too_large(error, endpoint, len(body) - 1, endpoint.success_status)


@each_mode
def test_no_limit_reads_what_a_limit_refuses(mode):
    """max_response_bytes=None reads a (whitespace-padded) snapshot that a limit of 1000 refuses."""
    size = len(SNAPSHOT.success_bytes) + 50_000
    responder = faults.sized(size, prefix=SNAPSHOT.success_bytes)
    error, _, _ = call(SNAPSHOT, mode, responder, max_response_bytes=LIMIT)
    assert_too_large(error, SNAPSHOT, LIMIT, 200)
    result, _, _ = call(SNAPSHOT, mode, responder, max_response_bytes=None)
    assert not isinstance(result, Exception), repr(result)
    assert len(result.iterable) == len(SNAPSHOT.success_body["iterable"])


def test_no_limit_reads_past_the_default_limit():
    """The default refuses a body one byte over DEFAULT_MAX_RESPONSE_BYTES (64 MiB); None reads it."""
    responder = faults.sized(DEFAULT_MAX_RESPONSE_BYTES + 1, prefix=SNAPSHOT.success_bytes)
    error, _, _ = call(SNAPSHOT, "sync", responder)
    assert_too_large(error, SNAPSHOT, DEFAULT_MAX_RESPONSE_BYTES, 200)
    result, _, _ = call(SNAPSHOT, "sync", responder, max_response_bytes=None)
    assert not isinstance(result, Exception), repr(result)
    assert len(result.iterable) == len(SNAPSHOT.success_body["iterable"])


def test_the_gzip_bomb_is_what_it_claims():
    """The bomb fixture: ~1 MB of valid gzip, 1 GiB in its trailer, 64 KiB inflating to > 32 MiB."""
    bomb = faults.gzip_bomb()
    assert 900_000 < len(bomb) < 1_200_000
    assert bomb[:3] == b"\x1f\x8b\x08"
    assert int.from_bytes(bomb[-4:], "little") == faults.GZIP_BOMB_INFLATED % 2**32
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    assert len(inflate.decompress(bomb[: 64 * 1024])) > 32 * 2**20


@each_mode
def test_gzip_bomb_stops_early_in_time_and_memory(mode):
    """The gzip bomb under the default limit: ResponseTooLarge in < 3 s, traced peak < 300 MB."""
    faults.gzip_bomb()  # built (and cached) before measuring
    tracemalloc.start()
    try:
        error, elapsed, _ = call(SNAPSHOT, mode, faults.gzip_bomb_server())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_too_large(error, SNAPSHOT, DEFAULT_MAX_RESPONSE_BYTES, 200)
    assert error.received == DEFAULT_MAX_RESPONSE_BYTES + 1  # inflating stops one byte past the cap
    assert elapsed < 3.0, f"{elapsed:.2f} s"
    # What is kept is the cap itself, plus the compressed reads in flight and the join of the chunks.
    assert peak < 2.5 * DEFAULT_MAX_RESPONSE_BYTES, f"peak {peak / 2**20:.0f} MiB"


@each_mode
@pytest.mark.parametrize("limit", [1000, 1 << 20])
def test_gzip_bomb_stops_near_a_small_cap(mode, limit):
    """Under a small cap the bomb is inflated only just past it: memory and time follow the cap."""
    faults.gzip_bomb()
    tracemalloc.start()
    try:
        error, elapsed, _ = call(SNAPSHOT, mode, faults.gzip_bomb_server(), max_response_bytes=limit)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert_too_large(error, SNAPSHOT, limit, 200)
    assert error.received == limit + 1
    assert elapsed < 1.5, f"{elapsed:.2f} s"
    assert peak < limit + 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"


@each_endpoint
@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_the_limit_applies_to_an_error_body(endpoint, mode):
    """A 500 with a body over the limit: *_detailed raise ResponseTooLarge carrying the 500."""
    error, _, _ = call(endpoint, mode, faults.sized(50 * LIMIT, 500), max_response_bytes=LIMIT)
    assert_too_large(error, endpoint, LIMIT, 500)


@pytest.mark.parametrize("value", [0, -5, 1.5, True, False, "100", float("nan"), 2.0], ids=repr)
def test_invalid_max_response_bytes_is_refused(value):
    """max_response_bytes must be a positive int or None: anything else is InvalidParameter, at once."""
    with pytest.raises(errors.InvalidParameter) as caught:
        Client(base_url="http://127.0.0.1:9", max_response_bytes=value)
    assert caught.value.parameter == "max_response_bytes"
    assert str(caught.value) == f"max_response_bytes: expected a positive int or None, got {value!r}"


@pytest.mark.parametrize("value", [1, 10**12, None, DEFAULT_MAX_RESPONSE_BYTES], ids=repr)
def test_valid_max_response_bytes_is_kept(value):
    """A positive int or None is kept; the default is DEFAULT_MAX_RESPONSE_BYTES, 64 MiB."""
    assert Client(base_url="http://127.0.0.1:9", max_response_bytes=value).max_response_bytes == value
    assert Client(base_url="http://127.0.0.1:9").max_response_bytes == DEFAULT_MAX_RESPONSE_BYTES == 64 << 20


@each_endpoint
@each_mode
@pytest.mark.parametrize("limit", [LIMIT, None])
def test_bad_gzip_raises_response_parse_error(endpoint, mode, limit):
    """Content-Encoding gzip over non-gzip bytes: ResponseParseError 'cannot be decoded'."""
    error, _, _ = call(endpoint, mode, faults.bad_gzip(), max_response_bytes=limit)
    assert type(error) is errors.ResponseParseError, repr(error)
    assert "the body cannot be decoded as its Content-Encoding says" in error.reason
    assert error.status_code == 200
    assert error.content is None
    assert error.operation == endpoint.module.OPERATION
    assert error.path == []
    assert "cannot be decoded" in str(error)


@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_valid_gzip_is_decoded(mode):
    """Control for the two cases above: a real gzip body of the snapshot is decoded and parsed."""
    import gzip

    responder = faults.gzip_body(gzip.compress(SNAPSHOT.success_bytes))
    result, _, _ = call(SNAPSHOT, mode, responder, max_response_bytes=len(SNAPSHOT.success_bytes))
    assert not isinstance(result, Exception), repr(result)
    assert result.status_code == 200
    assert json.loads(result.content) == SNAPSHOT.success_body


def _encoded(data: bytes, encoding: str) -> bytes:
    if encoding in ("gzip", "x-gzip"):
        import gzip

        return gzip.compress(data)
    if encoding == "deflate":
        return zlib.compress(data)
    if encoding == "raw-deflate":
        compressor = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return compressor.compress(data) + compressor.flush()
    if encoding == "br":
        import brotli

        return brotli.compress(data)
    return data  # an encoding httpx does not know passes through as it is


ENCODINGS = {
    "gzip": "gzip",
    "x-gzip": "x-gzip",
    "deflate": "deflate",
    "raw-deflate": "deflate",
    "br": "br",
    "exotic": "x-exotic",
}


@pytest.mark.parametrize("name", list(ENCODINGS))
@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_every_encoding_is_decoded_within_the_cap(name, mode):
    """gzip, x-gzip, deflate (with and without its zlib header), br (decoded by httpx) and an unknown
    encoding are read whole under a cap exactly their decoded size, and refused one byte below it."""
    body = SNAPSHOT.success_bytes
    served = faults.status(
        200, _encoded(body, name), "application/json", **{"Content-Encoding": ENCODINGS[name]}
    )
    result, _, _ = call(SNAPSHOT, mode, served, max_response_bytes=len(body))
    assert not isinstance(result, Exception), repr(result)
    assert result.content == body
    error, _, _ = call(SNAPSHOT, mode, served, max_response_bytes=len(body) - 1)
    assert_too_large(error, SNAPSHOT, len(body) - 1, 200)
    assert error.received == len(body)


@pytest.mark.parametrize("encoding", ["deflate", "gzip"])
@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_corrupt_compressed_body_is_a_parse_error(encoding, mode):
    """Bytes that are not deflate (with or without zlib header) or gzip: ResponseParseError naming it."""
    served = faults.status(
        200, b"\xff\xfe not compressed at all", "application/json", **{"Content-Encoding": encoding}
    )
    error, _, _ = call(SNAPSHOT, mode, served, max_response_bytes=LIMIT)
    assert type(error) is errors.ResponseParseError, repr(error)
    assert f"the {encoding} body is corrupt" in error.reason
    assert error.status_code == 200


@pytest.mark.parametrize("mode", DETAILED_MODES)
def test_truncated_gzip_body_is_a_parse_error(mode):
    """A gzip body cut short still inflates what it has, then fails at the end: ResponseParseError."""
    import gzip

    cut = gzip.compress(SNAPSHOT.success_bytes)[:-12]
    error, _, _ = call(SNAPSHOT, mode, faults.gzip_body(cut), max_response_bytes=LIMIT * 1000)
    assert type(error) is errors.ResponseParseError, repr(error)
    assert "cannot be decoded" in error.reason
    assert error.reason.endswith("(the compressed body ends before its end marker (truncated))")
