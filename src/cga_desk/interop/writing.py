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
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


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


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


_DONE = object()


def read_ahead(items: Iterable[T], name: str) -> Iterator[T]:
    """`items` iterated on a thread of its own, one item ahead of the caller: an export's reading (Python,
    the database driver) goes on while the caller builds the chunk before and `Background` writes the one
    before that, instead of the writer idling through each read. At most one item waits; an error of the
    reading is raised in the caller; when the caller stops early (its own error), the reading stops after
    the item under way and its thread is gone before this returns. The items' source must not be used by
    the caller meanwhile (a database session is used by one thread at a time)."""
    box: queue.Queue[Any] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def put(item: Any) -> bool:
        while not stop.is_set():
            try:
                box.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            for item in items:
                if not put(item):
                    return
            put(_DONE)
        except BaseException as error:  # handed to the caller, raised there
            put(_Failed(error))

    thread = threading.Thread(target=produce, name=name, daemon=True)
    thread.start()
    try:
        while True:
            got = box.get()
            if got is _DONE:
                return
            if isinstance(got, _Failed):
                raise got.error
            yield got
    finally:
        stop.set()
        thread.join()
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a generator's cleanup (its unit of work's cursor), on the caller's thread, once stopped
