#!/usr/bin/env bash
# Runs a test as the test bed's normal user (scripts/testbed: the user of the session daemon),
# for what a desktop user does without root: qemu:///session, the demo.
#   as-bed-user.sh TEST_BINARY CLI_BINARY
# The build tree may be out of that user's reach (under /root): the test and the CLI it drives
# are copied into the bed's state dir first. Both link only system libraries dynamically.
set -euo pipefail
test=${1:?test binary}
cli=${2:?balloonscope-cli binary}
env_file=${BS_TESTBED_ENV_FILE:?BS_TESTBED_ENV_FILE}
state=$(sed -n "s/^export BS_TESTBED_DIR='\(.*\)'$/\1/p" "$env_file")
script=$(sed -n "s/^export BS_TESTBED_SCRIPT='\(.*\)'$/\1/p" "$env_file")
[ -n "$state" ] && [ -n "$script" ] || { echo "as-bed-user: no bed in $env_file" >&2; exit 1; }
bin=$state/u/bin
mkdir -p "$bin"
install -m 755 "$test" "$bin/"
install -m 755 "$cli" "$bin/"
chmod 755 "$bin"
exec "$script" as-user env QT_QPA_PLATFORM=offscreen BS_TESTBED_ENV_FILE="$env_file" \
    BS_CLI="$bin/$(basename "$cli")" "$bin/$(basename "$test")"
