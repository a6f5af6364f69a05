"""Private files and logs without patient data (issue 15).

On POSIX every file CGA Desk writes is its owner's alone: the process runs with umask 077 (files 0600,
folders 0700), and the database, its WAL and SHM files and the data folder are tightened when opened.
On Windows files are created in the user's own profile, whose access list already keeps other accounts
out; the modes below do nothing there.

A crash report (the log, the crash dialog) names the exception's type and where it happened, never its
message: a message can quote a patient's name (a value that failed to convert, a database error's
DETAIL line). The frames' source lines are program text, not data.
"""

from __future__ import annotations

import os
import stat
import traceback
from pathlib import Path
from types import TracebackType

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
POSIX = os.name == "posix"


def private_umask() -> None:
    """From now on, files this process creates are 0600 and folders 0700 (POSIX)."""
    if POSIX:
        os.umask(0o077)


def make_private(path: Path, folder: bool = False) -> None:
    """Take group and other permissions off a file or folder this account owns (others' are left alone)."""
    if not POSIX:
        return
    try:
        info = path.stat()
    except OSError:
        return
    if info.st_uid != os.geteuid() or not info.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        return
    try:
        path.chmod(PRIVATE_FOLDER if folder else stat.S_IMODE(info.st_mode) & PRIVATE_FOLDER & ~stat.S_IXUSR)
    except OSError:  # a file system without modes (a network share, FAT): nothing more can be done here
        pass


def private_folder(path: Path) -> Path:
    """Create `path` (and its parents) 0700, or tighten it if it exists; returns it."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    make_private(path, folder=True)
    return path


def safe_traceback(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """The traceback with every exception's message withheld (chained ones included): types and frames."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    for position, exc in enumerate(reversed(chain)):
        if position:
            lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
        lines.append("Traceback (most recent call last):\n")
        frames = traceback.extract_tb(exc.__traceback__ if exc is not error else tb)
        lines.extend(traceback.format_list(frames))
        name = type(exc).__module__ + "." + type(exc).__qualname__
        lines.append(f"{name}: (message withheld: it may hold patient data)\n")
    return "".join(lines)
