#!/usr/bin/env bash
# Runs a command with a real desktop keyring: a private HOME, a D-Bus session bus and an unlocked
# gnome-keyring (Secret Service). Used by the credential tests; nothing touches the user's own.
set -euo pipefail
home=$(mktemp -d /tmp/bs-keyring.XXXXXX)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export BS_KEYRING_HOME="$home"
dbus-run-session -- bash -c '
    eval "$(printf %s bs-test-keyring | gnome-keyring-daemon --unlock --components=secrets --daemonize 2>/dev/null)"
    export GNOME_KEYRING_CONTROL
    "$@"' bash "$@"
