"""Writing a large export's bytes on a second thread while the next chunk is built.

An ADaM export of a clinic writes gigabytes; a file write spends its time in the kernel (copying into the
page cache, waiting for the disk when too much is unwritten), and Python lets other threads run meanwhile.
So the builder hands each chunk to `Background` and goes on: the machine's second core does the writing,
and the making of the bytes too when that is numpy on whole arrays, which lets Python run the builder
meanwhile (the ADaM sink hands over a chunk's columns). One call waits at most, so a writer never holds
more than two chunks; the calls keep their order; an error in the thread (a full disk: OSError) is
raised in the caller at its next submit or wait.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any


class Background:
    def __init__(self, name: str) -> None:
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix=name)
        self._pending: concurrent.futures.Future[Any] | None = None

    def submit(self, work: Callable[..., Any], *args: Any) -> None:
        """Run work(*args) once the previous call has finished (raising its error, if it failed)."""
        self.wait()
        self._pending = self._pool.submit(work, *args)

    def wait(self) -> None:
        """Return when everything submitted is done; raise the error of a call that failed."""
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def abandon(self) -> None:
        """For a caller that is failing already or finished: wait for the call under way without raising
        its error (the caller's own is the one to report), then let the thread go."""
        pending, self._pending = self._pending, None
        if pending is not None:
            concurrent.futures.wait([pending])
        self._pool.shutdown(wait=True)
