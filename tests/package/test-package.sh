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
         ./usr/lib/systemd/user/balloonscope-recorder.service \
         ./usr/lib/systemd/system/balloonscope-metrics.service \
         ./usr/share/doc/balloonscope/examples/prometheus.yml \
         ./usr/share/doc/balloonscope/examples/web-config.yml \
         ./usr/share/doc/balloonscope/examples/balloonscope-dashboard.json \
         ./usr/share/man/man1/balloonscope.1.gz ./usr/share/man/man1/balloonscope-cli.1.gz \
         ./usr/share/man/zh_CN/man1/balloonscope.1.gz ./usr/share/man/zh_CN/man1/balloonscope-cli.1.gz \
         ./usr/share/bash-completion/completions/balloonscope \
         ./usr/share/bash-completion/completions/balloonscope-cli \
         ./usr/share/zsh/vendor-completions/_balloonscope \
         ./usr/share/zsh/vendor-completions/_balloonscope-cli; do
    grep -qxF "$f" <<<"$contents" || fail "$f is missing from the package"
done
if grep -qE '^\./usr/(include|lib/.*\.a$)' <<<"$contents"; then fail "development files in the package"; fi

depends=$(dpkg-deb -f "$deb" Depends)
for d in libvirt0 libqt6widgets6 libqt6core6 libqcustomplot2.1-qt6 qt6-qpa-plugins libqt6sql6-sqlite; do
    grep -q "$d" <<<"$depends" || fail "Depends lacks $d: $depends"
done

# Another apt or dpkg on the machine (an unattended upgrade, a parallel job) holds the dpkg lock
# for a while: wait for it rather than fail.
lock=(-o DPkg::Lock::Timeout=600)
was_installed=$(dpkg-query -W -f='${Status}' balloonscope 2>/dev/null | grep -c 'install ok installed' || true)
cleanup() { [ "$was_installed" = 1 ] || DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" remove -y -qq balloonscope >/dev/null 2>&1 || true; }
trap cleanup EXIT
# Some images tell dpkg to leave manual pages out (path-exclude): ours go in regardless.
DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq --no-install-recommends \
    -o DPkg::Options::=--path-include='/usr/share/man/*balloonscope*' "./$deb" >/dev/null

version=$(/usr/bin/balloonscope --version)
[ "$version" = "balloonscope $(dpkg-deb -f "$deb" Version)" ] || fail "balloonscope --version said: $version"
/usr/bin/balloonscope-cli --version | grep -q "balloonscope-cli" || fail "balloonscope-cli --version"
/usr/bin/balloonscope-cli sample --connect test:///default --json --count 1 | grep -q '"actual":2097152' \
    || fail "the installed CLI cannot sample the test driver"
desktop-file-validate /usr/share/applications/io.github.balloonscope.Balloonscope.desktop
appstreamcli validate --no-net /usr/share/metainfo/io.github.balloonscope.Balloonscope.metainfo.xml >/dev/null

# Manual pages: each renders without a warning from groff or man (Debian's lintian runs the same
# check, manpage-has-errors-from-man), has a NAME line that whatis understands, and
# `man balloonscope-cli` finds the installed page.
for page in /usr/share/man/man1/balloonscope.1.gz /usr/share/man/man1/balloonscope-cli.1.gz \
            /usr/share/man/zh_CN/man1/balloonscope.1.gz /usr/share/man/zh_CN/man1/balloonscope-cli.1.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man -l $page warns: $warnings"
    zcat "$page" | LC_ALL=C.UTF-8 groff -ww -man -Tutf8 -z -k 2>&1 | grep . && fail "groff warns about $page"
    lexgrog "$page" | grep -q ': "balloonscope\(-cli\)\? - ' || fail "bad whatis entry in $page: $(lexgrog "$page")"
done
mandb -q 2>/dev/null || true
LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat man balloonscope-cli 2>/dev/null | grep -q '^   record$' \
    || fail "man balloonscope-cli does not show the installed page"
LC_ALL=C.UTF-8 MANWIDTH=80 MANPAGER=cat man balloonscope 2>/dev/null | grep -q -- '--demo' \
    || fail "man balloonscope does not show the installed page"
whatis balloonscope-cli | grep -q 'guest memory' || fail "whatis balloonscope-cli: $(whatis balloonscope-cli 2>&1)"

# The hypervisor's system unit (docs/FLEET.md) as systemd reads it, where it landed.
if command -v systemd-analyze >/dev/null; then
    verified=$(systemd-analyze verify /usr/lib/systemd/system/balloonscope-metrics.service 2>&1) \
        || fail "systemd-analyze verify balloonscope-metrics.service: $verified"
    [ -z "$verified" ] || fail "systemd-analyze verify balloonscope-metrics.service: $verified"
fi

# Shell completion, as bash-completion loads it: a sub-command, an option of a sub-command, and
# the values of one whose values are a fixed set.
complete_cli() {
    bash -c 'source /usr/share/bash-completion/completions/balloonscope-cli
             complete -p balloonscope-cli | grep -q "_balloonscope_cli" || exit 9
             COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
             _balloonscope_cli; printf "%s\n" "${COMPREPLY[@]}"' completion-test "$@"
}
[ "$(complete_cli balloonscope-cli rec)" = record ] || fail "bash completes 'rec' to: $(complete_cli balloonscope-cli rec)"
complete_cli balloonscope-cli history --dem | grep -qx -- --demo || fail "bash does not complete history --dem"
[ "$(complete_cli balloonscope-cli --lang zh | tr '\n' ' ')" = "zh_CN " ] || fail "bash does not complete --lang zh"
bash -c 'source /usr/share/bash-completion/completions/balloonscope; COMP_WORDS=(balloonscope --rea); COMP_CWORD=1
         _balloonscope; [ "${COMPREPLY[*]}" = --readonly ]' || fail "bash does not complete balloonscope --rea"
# zsh: the scripts parse, and compinit picks them up from the vendor folder.
for f in /usr/share/zsh/vendor-completions/_balloonscope /usr/share/zsh/vendor-completions/_balloonscope-cli; do
    zsh -n "$f" || fail "zsh cannot parse $f"
done
zsh -fc 'fpath=(/usr/share/zsh/vendor-completions $fpath); autoload -Uz compinit; compinit -u -D
         [[ $_comps[balloonscope-cli] == _balloonscope-cli ]]' || fail "zsh compinit does not register _balloonscope-cli"

# lintian, where it is installed (it is large; not part of the test packages): only the tags
# about manual pages and completion.
if command -v lintian >/dev/null; then
    tags=$(lintian --no-tag-display-limit "$deb" 2>/dev/null | grep -E 'manpage|whatis|completion' || true)
    [ -z "$tags" ] || fail "lintian: $tags"
    echo "lintian: no manual page or completion tags"
fi
echo "package test passed: $version"
