#!/usr/bin/env bash
# Build the frozen one-folder app with PyInstaller and run its self-test.
#
#   .ci/frozen.sh                   # builds with the lock (locks/frozen-linux.txt)
#   FROZEN_LOCK=none .ci/frozen.sh  # builds with $PYTHON's own environment instead
#
# The build environment is made from the lock, every package with its hash
# (pip --require-hashes), in a fresh venv of its own (FROZEN_VENV, default
# build/frozen-venv) made by $PYTHON (default python3); then locks/check.py fails the
# build if anything in that venv is not pinned with a hash. The project itself is not
# installed there: build.spec puts the source tree on the path.
#
# A packaging mistake (a missing data file, hidden import, Qt plugin or matplotlib
# backend) shows up only in the frozen build, so CI builds it on every change. Fails if
# the build fails, if the self-test fails, or if the bundle grows past FROZEN_MAX_MB
# (default 200 MB unpacked). The build starts from a clean state (--clean, fresh work
# and dist folders); both are git-ignored, and can be moved with FROZEN_WORK/FROZEN_DIST.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
WORK="${FROZEN_WORK:-build/frozen}"
DIST="${FROZEN_DIST:-dist}"
MAX_MB="${FROZEN_MAX_MB:-200}"
LOCK="${FROZEN_LOCK:-locks/frozen-linux.txt}"
VENV="${FROZEN_VENV:-build/frozen-venv}"

seconds() { date +%s; }

if [ "$LOCK" != none ]; then
    t0=$(seconds)
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
        --only-binary=:all: -r "$LOCK"
    "$VENV/bin/python" locks/check.py "$LOCK"
    PYTHON="$VENV/bin/python"
    echo "== build environment from $LOCK in $(( $(seconds) - t0 )) s"
fi

echo "== frozen build: $("$PYTHON" -m PyInstaller --version 2>/dev/null || echo 'PyInstaller missing')"
rm -rf "$WORK" "$DIST/workbench"
start=$(seconds)
if ! "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --workpath "$WORK" --distpath "$DIST" build.spec; then
    echo "frozen build FAILED" >&2
    exit 1
fi
built=$(seconds)
echo "== built in $((built - start)) s"

app="$DIST/workbench/workbench"
[ -x "$app" ] || { echo "no executable at $app" >&2; exit 1; }

# The self-test makes its own temporary data folder; this one catches the log that the
# command line opens before the self-test starts, so CI leaves nothing in $HOME.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
status=0
WORKBENCH_HOME="$home" QT_QPA_PLATFORM=offscreen "$app" --selftest || status=$?
tested=$(seconds)
echo "== self-test took $((tested - built)) s, exit status $status"

size_mb=$(du -sm "$DIST/workbench" | cut -f1)
files=$(find "$DIST/workbench" -type f | wc -l)
echo "== bundle: ${size_mb} MB unpacked, ${files} files ($DIST/workbench)"
echo "   largest parts:"
{ du -sm "$DIST/workbench/_internal"/* | sort -rn | head -8 | sed "s/^/     /"; } || true

if [ "$status" -ne 0 ]; then
    echo "frozen self-test FAILED" >&2
    exit 1
fi
if [ "$size_mb" -ge "$MAX_MB" ]; then
    echo "frozen bundle is ${size_mb} MB, over the limit of ${MAX_MB} MB" >&2
    exit 1
fi
echo "frozen build OK ($((tested - start)) s)"
