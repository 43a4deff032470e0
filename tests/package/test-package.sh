#!/usr/bin/env bash
# Builds the Debian package with CPack, checks its contents and dependencies, installs it, runs
# the installed programs, validates the desktop files where they landed, and removes it again.
# Needs root (it installs a package). Usage: test-package.sh BUILD_DIR
set -euo pipefail
build=${1:?build directory}
fail() { echo "FAIL: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "the package test installs a package: run it as root"

cd "$build"
rm -f balloonscope_*.deb
cpack -G DEB >/dev/null
deb=$(ls balloonscope_*_amd64.deb)
echo "built $deb ($(stat -c %s "$deb") bytes)"

contents=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/balloonscope ./usr/bin/balloonscope-cli \
         ./usr/share/applications/io.github.balloonscope.Balloonscope.desktop \
         ./usr/share/metainfo/io.github.balloonscope.Balloonscope.metainfo.xml \
         ./usr/share/icons/hicolor/scalable/apps/io.github.balloonscope.Balloonscope.svg \
         ./usr/share/icons/hicolor/48x48/apps/io.github.balloonscope.Balloonscope.png \
         ./usr/share/icons/hicolor/256x256/apps/io.github.balloonscope.Balloonscope.png \
         ./usr/share/doc/balloonscope/copyright \
         ./usr/lib/systemd/user/balloonscope-recorder.service; do
    grep -qxF "$f" <<<"$contents" || fail "$f is missing from the package"
done
if grep -qE '^\./usr/(include|lib/.*\.a$)' <<<"$contents"; then fail "development files in the package"; fi

depends=$(dpkg-deb -f "$deb" Depends)
for d in libvirt0 libqt6widgets6 libqt6core6 libqcustomplot2.1-qt6 qt6-qpa-plugins libqt6sql6-sqlite; do
    grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done

was_installed=$(dpkg-query -W -f='${Status}' balloonscope 2>/dev/null | grep -c 'install ok installed' || true)
cleanup() { [ "$was_installed" = 1 ] || DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq balloonscope >/dev/null 2>&1 || true; }
trap cleanup EXIT
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null

version=$(/usr/bin/balloonscope --version)
[ "$version" = "balloonscope $(dpkg-deb -f "$deb" Version)" ] || fail "balloonscope --version said: $version"
/usr/bin/balloonscope-cli --version | grep -q "balloonscope-cli" || fail "balloonscope-cli --version"
/usr/bin/balloonscope-cli sample --connect test:///default --json --count 1 | grep -q '"actual":2097152' \
    || fail "the installed CLI cannot sample the test driver"
desktop-file-validate /usr/share/applications/io.github.balloonscope.Balloonscope.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.balloonscope.Balloonscope.metainfo.xml >/dev/null
echo "package test passed: $version"
