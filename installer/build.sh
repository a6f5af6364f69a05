#!/usr/bin/env bash
# Build CGA Desk for Linux as a PyInstaller one-dir bundle, dist/cga-desk/ (run dist/cga-desk/cga-desk),
# then check it: desktop entry, `--version` equals pyproject's version, `--self-test` passes.
#
#   bash installer/build.sh                          # from any checkout; python3 must be 3.11 or newer
#   PYTHON=python3.12 bash installer/build.sh        # another interpreter for the build venv
#   UPDATE_CONSTRAINTS=1 bash installer/build.sh     # newest allowed versions; rewrites installer/constraints.txt
#
# It uses its own venv (build/venv), never the development .venv: the project is installed into it
# with `pip install .` at the versions pinned in installer/constraints.txt, plus PyInstaller and pypdf
# (pypdf only lets the bundle's self-test read its PDFs back). Needs PyPI the first time, and
# desktop-file-validate, objdump and objcopy (Debian/Ubuntu: apt-get install desktop-file-utils binutils
# python3-venv); it checks them first and prints the one apt-get line for whatever is missing.
# Outputs: dist/cga-desk/ and dist/cga-desk-<version>-linux-<arch>.tar.gz. Then installer/build_deb.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=build/venv
CONSTRAINTS=installer/constraints.txt
BUNDLE=dist/cga-desk

step() { printf '\n== %s\n' "$*"; }
quiet_pip() { "$VENV/bin/python" -m pip --disable-pip-version-check install --quiet "$@"; }

# Every tool the build needs, checked before anything is built: one apt-get line for all that are missing.
# PyInstaller needs ldd (libc-bin), objdump and objcopy (binutils) on Linux; the venv needs ensurepip.
missing=()
for tool_package in desktop-file-validate:desktop-file-utils objdump:binutils objcopy:binutils ldd:libc-bin \
  tar:tar gzip:gzip du:coreutils; do
  command -v "${tool_package%%:*}" >/dev/null 2>&1 || missing+=("${tool_package#*:}")
done
command -v "$PYTHON" >/dev/null 2>&1 || missing+=(python3)
command -v "$PYTHON" >/dev/null 2>&1 && ! "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null && missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  echo "build.sh: tools the build needs are missing. Install them (Debian/Ubuntu) with:" >&2
  echo "  sudo apt-get install $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ' | sed 's/ $//')" >&2
  exit 1
fi

step "build venv: $VENV"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, not " + sys.version'
rm -rf build/lib build/bdist.*  # stale setuptools output (deleted modules) must not reach the wheel
if [ "${UPDATE_CONSTRAINTS:-0}" = 1 ]; then
  quiet_pip --upgrade pyinstaller "pypdf<7" .
  { sed -n '1,2p' "$CONSTRAINTS"
    "$VENV/bin/python" -m pip freeze --all | grep -v -i -E '^(cga-desk|pip|setuptools)( |=|@)'; } > "$CONSTRAINTS.new"
  mv "$CONSTRAINTS.new" "$CONSTRAINTS"
else
  quiet_pip -c "$CONSTRAINTS" pyinstaller pypdf .
fi
step "translations: src/cga_desk/resources/i18n/*.qm (pyside6-lrelease of the build venv; package data)"
for ts in src/cga_desk/resources/i18n/cga_desk_*.ts; do
  "$VENV/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
step "manual pictures: src/cga_desk/resources/manual/images (copied from docs/screenshots; package data)"
mkdir -p src/cga_desk/resources/manual/images
cp docs/screenshots/*.png src/cga_desk/resources/manual/images/
quiet_pip --no-deps --force-reinstall .  # always this checkout's code, even when the version is unchanged
"$VENV/bin/python" -m pip check
VERSION=$("$VENV/bin/python" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
echo "cga-desk $VERSION, $("$VENV/bin/pyinstaller" --version | sed 's/^/PyInstaller /')"

step "PyInstaller: $BUNDLE"
rm -rf "$BUNDLE"
step "icons: build/icons (rendered from the SVG, not committed)"
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" installer/make_icons.py

"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  installer/cga-desk.spec

step "languages in the bundle: our catalogue, Qt's own Chinese, the input-method plugins (IBus, compose)"
for f in _internal/cga_desk/resources/i18n/cga_desk_zh_CN.qm _internal/cga_desk/resources/i18n/instruments_zh_CN.ts \
  _internal/PySide6/Qt/translations/qtbase_zh_CN.qm \
  _internal/PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so \
  _internal/cga_desk/resources/fonts/DroidSansFallbackFull.ttf _internal/cga_desk/resources/manual/manual.en.html \
  _internal/cga_desk/resources/manual/manual.zh_CN.html _internal/cga_desk/resources/manual/images/wizard.png; do
  [ -e "$BUNDLE/$f" ] || { echo "build.sh: the bundle lacks $f" >&2; exit 1; }
done
echo "zh_CN catalogues, Qt's zh_CN translation, the IBus input context and the CJK report font are in"

step "desktop entry"
desktop-file-validate installer/cga-desk.desktop
echo "installer/cga-desk.desktop is valid"

step "smoke test (clean environment, another working directory)"
clean_env=(env -i "HOME=$HOME" "PATH=/usr/bin:/bin" "LANG=C.UTF-8")
[ -n "${DISPLAY:-}" ] && clean_env+=("DISPLAY=$DISPLAY")
[ -n "${QT_QPA_PLATFORM:-}" ] && clean_env+=("QT_QPA_PLATFORM=$QT_QPA_PLATFORM")
shown=$(cd /tmp && "${clean_env[@]}" "$ROOT/$BUNDLE/cga-desk" --version)
[ "$shown" = "cga-desk $VERSION" ] || { echo "build.sh: --version printed '$shown', expected 'cga-desk $VERSION'" >&2; exit 1; }
echo "$shown"
(cd /tmp && "${clean_env[@]}" "$ROOT/$BUNDLE/cga-desk" --self-test)

step "tarball"
ARCH=$(uname -m)
tar -C dist -czf "dist/cga-desk-$VERSION-linux-$ARCH.tar.gz" cga-desk
du -sh "$BUNDLE" "dist/cga-desk-$VERSION-linux-$ARCH.tar.gz"
echo "Built $BUNDLE (run $BUNDLE/cga-desk). Debian package: bash installer/build_deb.sh"
