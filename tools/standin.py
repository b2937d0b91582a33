"""A stand-in Pieces OS for synthesizing recordings: it answers each request with the next queued Answer.

It knows nothing of the API: the scenario queues, before each call, the answer Pieces OS gives to it
(tools/scenarios.py), and the recording proxy in front records the exchange.
"""

from __future__ import annotations

import threading
from collections import deque

from tools.loopback import BackgroundServer, Handler
from tools.scenarios import Answer, Call


class _StandInHandler(Handler):
    server: StandIn

    def handle_exchange(self, body: bytes | None) -> None:
        answer = self.server.next_answer()
        if answer is None:
            message = f"stand-in Pieces OS: no answer queued for {self.command} {self.path}"
            self.reply(500, message.encode(), "text/plain; charset=utf-8")
            return
        self.reply(answer.status, answer.body, answer.content_type)


class StandIn(BackgroundServer):
    def __init__(self) -> None:
        self._answers: deque[Answer] = deque()
        self._lock = threading.Lock()
        super().__init__(_StandInHandler)

    def queue(self, answer: Answer) -> None:
        with self._lock:
            self._answers.append(answer)

    def expect(self, call: Call) -> None:
        """Answer the next request as the scenario says Pieces OS answers ``call``."""
        self.queue(call.answer)

    def next_answer(self) -> Answer | None:
        with self._lock:
            return self._answers.popleft() if self._answers else None
