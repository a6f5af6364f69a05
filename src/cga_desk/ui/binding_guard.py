"""A guard against a reference-count defect of the Qt binding (PySide6/shiboken6 6.12.0 on Python 3.11).

That release returns None from every void method (`widget.resize()`, `label.setText()`...) without
taking a reference, and pyqtgraph's painting through it drops references to True the same way: Python
3.12 made None, True and False immortal (PEP 683), so the binding's code is right there, but on 3.11 each
call takes one reference away for good. A trends chart repainted a hundred times takes None's count to
zero while the program runs ("Fatal Python error: none_dealloc"); fewer calls abort the interpreter at
exit ("bool_dealloc ... Garbage-collecting", exit 134), after the window has closed and the data is saved.
No order of deleting windows helps: the references are gone whatever is deleted.

`guard()` probes the binding (a void call repeated) and, only when the defect shows, gives the three
singletons the immortality Python 3.12 gives them: a reference count so large that no session can spend
it. Nothing else changes: Python never frees these three objects anyway. On Python 3.12 and later, on
another interpreter, or with a binding that keeps its references, it does nothing."""

from __future__ import annotations

import sys

_PROBE_CALLS = 64
_IMMORTAL = sys.maxsize >> 2  # far beyond any count of calls, far from overflowing


def binding_drops_references() -> bool:
    """True when calling a void method of the Qt binding takes a reference to None away."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("probe")
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def guard() -> bool:
    """Make None, True and False immortal when this binding needs it (see the module's text); True when done."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not binding_drops_references():
        return False
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt: the object's first field
        if abs(count.value - sys.getrefcount(singleton)) > 8:  # not the layout expected: touch nothing
            return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += _IMMORTAL
    return True
