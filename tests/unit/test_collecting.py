"""interop/collecting.py: exports run with fewer cyclic collections, and the collector is put back after."""

from __future__ import annotations

import gc
import threading

import pytest

from cga_desk.interop.collecting import EXPORT_THRESHOLDS, fewer_collections


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_thresholds_raised_inside_and_restored_after(default_thresholds):
    with fewer_collections():
        assert gc.get_threshold() == EXPORT_THRESHOLDS
        assert gc.isenabled()  # fewer collections, never none: a cycle is still collected
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error(default_thresholds):
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("disk full")
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_set_by_the_application_is_kept(default_thresholds):
    gc.set_threshold(500_000, 10, 10)
    with fewer_collections():
        assert gc.get_threshold() == (500_000, *EXPORT_THRESHOLDS[1:])
    assert gc.get_threshold() == (500_000, 10, 10)


def test_overlapping_exports_restore_only_when_the_last_ends(default_thresholds):
    first_in, first_may_leave = threading.Event(), threading.Event()
    seen = []

    def first():
        with fewer_collections():
            first_in.set()
            first_may_leave.wait(10)

    thread = threading.Thread(target=first)
    thread.start()
    first_in.wait(10)
    with fewer_collections():
        pass
    seen.append(gc.get_threshold())  # the first export still runs: still raised
    first_may_leave.set()
    thread.join(10)
    assert seen == [EXPORT_THRESHOLDS]
    assert gc.get_threshold() == (700, 10, 10)
