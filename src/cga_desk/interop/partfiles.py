"""Temporary twins of files being written (`.<name>.<pid>.<random>.part`), renamed into place when
whole. A process killed mid-write (SIGKILL, power cut) cannot remove its twin; the next write to the
same name removes the twins of processes that no longer run, so no partial file is left behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SUFFIX = ".part"


def temporary_beside(target: Path) -> tuple[int, Path]:
    """An open file descriptor and the path of a new temporary twin of `target` (in its folder)."""
    remove_stale(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=SUFFIX)
    return fd, Path(name)


def remove_stale(target: Path) -> list[Path]:
    """Remove the temporary twins of `target` left by processes that are gone; returns them."""
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{_escape(target.name)}.*{SUFFIX}"))
    except OSError:
        return removed
    for path in candidates:
        pid = path.name[len(target.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                path.unlink()
                removed.append(path)
            except OSError:
                pass
    return removed


def _escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def _alive(pid: int) -> bool:
    if os.name == "nt":  # no signal 0 on Windows: never guess another process dead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True
