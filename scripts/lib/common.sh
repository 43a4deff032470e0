# Shared helpers for the project's scripts. Source it: . "$(dirname "$0")/lib/common.sh"
set -euo pipefail

BS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export BS_ROOT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet (apt-get update once, only if needed).
apt_install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    if [ ! -f /var/lib/apt/periodic/.bs-updated ] && [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
        as_root apt-get update -qq
    fi
    # Servers among them (prometheus) must not start as services: the tests start their own,
    # on loopback ports in temporary directories. policy-rc.d says so to invoke-rc.d.
    local policy=/usr/sbin/policy-rc.d own_policy=0
    if [ ! -e "$policy" ]; then
        as_root sh -c "printf '#!/bin/sh\\nexit 101\\n' >$policy && chmod +x $policy" && own_policy=1
    fi
    local rc=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
        || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; } \
        || rc=$?
    [ "$own_policy" = 1 ] && as_root rm -f "$policy"
    return "$rc"
}

# What building and running the application needs.
BS_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config ccache mold
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
    libqt6sql6-sqlite libqt6svg6 qt6-translations-l10n qt6-qpa-plugins
    libqcustomplot-dev qtkeychain-qt6-dev libvirt-dev libgl-dev libglib2.0-dev
    qt6-httpserver-dev qt6-websockets-dev # the recorder's /metrics (its CMake config needs both)
    libyaml-cpp-dev libcrypt-dev # the /metrics web config: YAML, bcrypt (exporter-toolkit's format)
    libvirt-clients fonts-noto-cjk fonts-dejavu-core
)
# What the embedded demo host needs: QEMU, libvirt's QEMU driver, what builds the guest images,
# and, for root on a machine without libvirt's QEMU account, nss_wrapper (core/demo/DemoProcess.h).
BS_DEMO_PACKAGES=(
    qemu-system-x86 libvirt-daemon libvirt-daemon-driver-qemu busybox-static cpio gzip kmod
    libnss-wrapper
)
# What the tests need on top (checks, sanitizers, screenshots, PDF inspection, the manual pages
# and shell completion the package installs).
BS_TEST_PACKAGES=(
    clang-format xvfb xauth imagemagick poppler-utils desktop-file-utils appstream
    gnome-keyring libsecret-1-0 dbus-daemon dbus-x11 librsvg2-bin
    man-db groff-base zsh
    prometheus # promtool checks the /metrics output; the fleet tests scrape with the server
    victoria-metrics # the other Prometheus-compatible server the fleet tests read back from
)

nproc_build() { local n; n=$(nproc 2>/dev/null || echo 2); echo "$n"; }
