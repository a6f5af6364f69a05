"""interop/writing.read_ahead: an export's reading on its own thread, one item ahead of the caller."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from cga_desk.interop.writing import read_ahead


def _threads() -> list[str]:
    return [t.name for t in threading.enumerate() if t.name == "test-read"]


def test_items_arrive_in_order_read_on_another_thread_at_most_one_ahead() -> None:
    produced: list[int] = []
    readers: set[str] = set()

    def source() -> Iterator[int]:
        for i in range(6):
            readers.add(threading.current_thread().name)
            produced.append(i)
            yield i

    got = []
    for item in read_ahead(source(), "test-read"):
        time.sleep(0.05)  # the reader runs ahead meanwhile, but not past one waiting item
        assert len(produced) <= item + 3  # this one, one waiting, one being produced
        got.append(item)
    assert got == list(range(6))
    assert readers == {"test-read"}
    assert not _threads()


def test_an_error_of_the_reading_is_raised_in_the_caller_after_the_items_before_it() -> None:
    def source() -> Iterator[int]:
        yield 1
        raise OSError(5, "Input/output error")

    got = []
    with pytest.raises(OSError, match="Input/output"):
        for item in read_ahead(source(), "test-read"):
            got.append(item)
    assert got == [1]
    assert not _threads()


def test_a_caller_that_stops_early_stops_the_reading_and_closes_the_source() -> None:
    closed = threading.Event()
    produced: list[int] = []

    def source() -> Iterator[int]:
        try:
            for i in range(1000):
                produced.append(i)
                yield i
        finally:
            closed.set()

    with pytest.raises(RuntimeError, match="disk full"):
        for item in read_ahead(source(), "test-read"):
            if item == 2:
                raise RuntimeError("disk full")
    assert closed.is_set() and len(produced) <= 5
    assert not _threads()
