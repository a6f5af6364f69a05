"""Before `make run`: are the system libraries Qt's window needs on Linux installed? If not, say which
packages to install and exit 1, instead of letting Qt abort with one missing library at a time.

Qt's xcb platform plugin (the X11 window), the printing plugin (CUPS) and the Qt modules the program
uses link to libraries that a minimal Debian or Ubuntu does not have (libxcb-cursor0, libxcb-icccm4,
libxcb-keysyms1, ...). The check asks the dynamic loader itself (`ldd`, which follows every
dependency and says "not found"), so nothing here is a guess about what is installed. Skipped off Linux
and when QT_QPA_PLATFORM names a platform other than xcb (offscreen, minimal, wayland, ...).

    python scripts/check_system.py        # exit 0: nothing missing (or nothing to check); 1: missing
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# soname -> Debian/Ubuntu package (bookworm, jammy and later), for every library the checked files need.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libcups.so.2": "libcups2",
    "libexpat.so.1": "libexpat1",
    "libbsd.so.0": "libbsd0",
    "libmd.so.0": "libmd0",
    "libzstd.so.1": "libzstd1",
    "libz.so.1": "zlib1g",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}

# What the window loads, relative to the PySide6 package: the Qt modules it imports, the X11 platform
# plugin, its OpenGL integration and the printing plugin (QPrinter lists the system's printers through CUPS).
CHECKED = (
    "QtCore.abi3.so",
    "QtGui.abi3.so",
    "QtWidgets.abi3.so",
    "QtPrintSupport.abi3.so",
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    "Qt/plugins/xcbglintegrations/libqxcb-egl-integration.so",
    "Qt/plugins/printsupport/libcupsprintersupport.so",
)


def not_found(ldd_output: str) -> list[str]:
    """The sonames `ldd` could not resolve ("libfoo.so.1 => not found"), in the order given, once each."""
    missing: list[str] = []
    for line in ldd_output.splitlines():
        name, sep, where = line.strip().partition("=>")
        if sep and where.strip() == "not found" and name.strip() not in missing:
            missing.append(name.strip())
    return missing


def packages_for(sonames: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages to install, sorted; sonames with no known package)."""
    known = sorted({PACKAGES[s] for s in sonames if s in PACKAGES})
    return known, [s for s in sonames if s not in PACKAGES]


def advice(sonames: Sequence[str]) -> str:
    """What to tell the user: the missing libraries and the one apt-get line that installs them."""
    packages, unknown = packages_for(sonames)
    lines = [f"CGA Desk cannot open its window: these system libraries are missing: {', '.join(sonames)}."]
    if packages:
        lines += ["Install them (Debian/Ubuntu) with:", f"  sudo apt-get install {' '.join(packages)}"]
    if unknown:
        lines.append(f"Install the packages of your distribution that provide: {', '.join(unknown)}")
    lines.append("(Or run without a window: QT_QPA_PLATFORM=offscreen, as the tests do.)")
    return "\n".join(lines)


def needs_check(platform: str = sys.platform, qpa: str | None = None) -> bool:
    """Only Linux with the xcb platform (Qt's default there, or named in QT_QPA_PLATFORM)."""
    qpa = os.environ.get("QT_QPA_PLATFORM", "") if qpa is None else qpa
    return platform.startswith("linux") and qpa.split(":")[0].strip() in ("", "xcb")


def pyside_dir() -> Path | None:
    """The installed PySide6 package, found without importing it (importing it is what may fail)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def missing_libraries(pyside: Path, ldd: str = "ldd") -> list[str]:
    """Every soname that the checked Qt files need and the loader cannot find on this machine."""
    missing: list[str] = []
    for rel in CHECKED:
        path = pyside / rel
        if not path.exists():  # an older or newer PySide6 without this file: nothing of it to load
            continue
        out = subprocess.run([ldd, str(path)], capture_output=True, text=True, check=False).stdout
        missing += [s for s in not_found(out) if s not in missing]
    return missing


def main() -> int:
    if not needs_check():
        return 0
    pyside, ldd = pyside_dir(), shutil.which("ldd")
    if pyside is None or ldd is None:  # no PySide6 yet (pip reports that) or no ldd: nothing to check with
        print(
            "check_system: cannot check the system libraries (no PySide6 or no ldd); starting anyway", file=sys.stderr
        )
        return 0
    missing = missing_libraries(pyside, ldd)
    if missing:
        print(advice(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
