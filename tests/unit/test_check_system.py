"""scripts/check_system.py (run by `make run`): which system libraries Qt's window lacks, and the one apt-get
line that installs them; on fake `ldd` output, so that it needs no broken machine (the runs of `ldd` and of the
script itself are in tests/integration/test_check_system.py)."""

from __future__ import annotations

import importlib.util
import sys

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("check_system", ROOT / "scripts" / "check_system.py")
assert _spec is not None and _spec.loader is not None
check_system = importlib.util.module_from_spec(_spec)
sys.modules["check_system"] = check_system
_spec.loader.exec_module(check_system)

# ldd of libqxcb.so on a fresh Debian 12 with only libxcb1 and libx11 installed (abridged)
FRESH_DEBIAN = """\
\tlinux-vdso.so.1 (0x00007ffd5a1f2000)
\tlibQt6XcbQpa.so.6 => /home/u/cga/.venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x7f2)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f8ad3a4b000)
\tlibxcb-icccm.so.4 => not found
\tlibmystery.so.7 => not found
\t/lib64/ld-linux-x86-64.so.2 (0x00007f8ad3b5f000)
"""


def test_not_found_lists_each_missing_soname_once_in_order() -> None:
    assert check_system.not_found(FRESH_DEBIAN) == [
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libmystery.so.7",
    ]
    assert check_system.not_found("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n") == []


def test_advice_is_one_apt_get_line_and_names_what_has_no_known_package() -> None:
    text = check_system.advice(check_system.not_found(FRESH_DEBIAN))
    assert "  sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1\n" in text
    assert sum(line.strip().startswith("sudo apt-get install") for line in text.splitlines()) == 1
    assert "provide: libmystery.so.7" in text


def test_only_linux_with_the_xcb_platform_is_checked() -> None:
    assert check_system.needs_check("linux", "")
    assert check_system.needs_check("linux", "xcb")
    assert check_system.needs_check("linux", "xcb:display=:1")
    assert not check_system.needs_check("linux", "offscreen")
    assert not check_system.needs_check("linux", "minimal")
    assert not check_system.needs_check("win32", "")
    assert not check_system.needs_check("darwin", "")
