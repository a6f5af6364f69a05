#!/usr/bin/env bash
# Package the PyInstaller bundle (dist/cga-desk/, made by installer/build.sh) as a Debian package:
# the bundle in /opt/cga-desk, /usr/bin/cga-desk -> /opt/cga-desk/cga-desk, the desktop entry and the icons.
#
#   bash installer/build.sh && bash installer/build_deb.sh      # -> dist/cga-desk_<version>_<arch>.deb
#   sudo apt install ./dist/cga-desk_<version>_<arch>.deb        # install (apt resolves Depends)
#
# Needs dpkg-deb (every Debian/Ubuntu has it) and desktop-file-validate (apt-get install desktop-file-utils).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUNDLE=dist/cga-desk
[ -x "$BUNDLE/cga-desk" ] || { echo "build_deb.sh: $BUNDLE/cga-desk is missing: run installer/build.sh first" >&2; exit 1; }

VERSION=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
STAGE=build/deb/cga-desk_${VERSION}_${ARCH}
OUT=dist/cga-desk_${VERSION}_${ARCH}.deb
ICONS=src/cga_desk/resources/icons

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/usr/share/icons/hicolor/256x256/apps" \
  "$STAGE/usr/share/doc/cga-desk"
cp -a "$BUNDLE" "$STAGE/opt/cga-desk"
ln -s /opt/cga-desk/cga-desk "$STAGE/usr/bin/cga-desk"
install -m 0644 installer/cga-desk.desktop "$STAGE/usr/share/applications/cga-desk.desktop"
install -m 0644 "$ICONS/cga-desk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/cga-desk.svg"
install -m 0644 build/icons/cga-desk.png "$STAGE/usr/share/icons/hicolor/256x256/apps/cga-desk.png"  # from build.sh
install -m 0644 src/cga_desk/resources/fonts/LICENSE "$STAGE/usr/share/doc/cga-desk/fonts-LICENSE"
desktop-file-validate "$STAGE/usr/share/applications/cga-desk.desktop"

# Python, Qt, libpq, numpy and most libraries are inside the bundle; PyInstaller leaves out the
# graphics driver and display-server client libraries, which must come from the system (checked with
# ldd on the xcb and wayland platform plugins). Libraries copied from the build machine need its glibc.
GLIBC=$(ldd --version | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p')
INSTALLED_KB=$(du -sk "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: cga-desk
Version: $VERSION
Section: science
Priority: optional
Architecture: $ARCH
Installed-Size: $INSTALLED_KB
Depends: libc6 (>= $GLIBC), libgl1, libegl1, libxcb1, libwayland-client0, libwayland-cursor0
Maintainer: CGA Desk maintainers <cga-desk@localhost>
Homepage: https://example.invalid/cga-desk
Description: geriatric assessment for haematology clinics
 Guided Katz ADL, Lawton IADL and Charlson comorbidity forms (and ECOG); computes
 the IMWG frailty score with the provenance of every point, keeps every visit locally
 (SQLite, or a shared PostgreSQL database) and reports change from baseline over time.
 Run "cga-desk --self-test" to check an installation.
EOF
# Refresh the menus and the icon cache when the tools are there (they are on every desktop install).
cat > "$STAGE/DEBIAN/postinst" <<'EOF'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
fi
exit 0
EOF
cp "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"
sed -i 's/"\$1" = configure/"$1" = remove ] || [ "$1" = purge/' "$STAGE/DEBIAN/postrm"
chmod 0755 "$STAGE/DEBIAN/postinst" "$STAGE/DEBIAN/postrm"

dpkg-deb --root-owner-group --build "$STAGE" "$OUT"
dpkg-deb --info "$OUT" | sed -n '/Package:/,/Depends:/p'
ls -lh "$OUT"
