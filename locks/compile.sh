#!/usr/bin/env bash
# Rewrite the locks of the frozen builds from pyproject.toml: every package, exact
# version and sha256 hashes, for Linux and for Windows (Python 3.11, the build's).
#
#   bash locks/compile.sh            # needs uv (pip install uv)
#   bash locks/compile.sh --upgrade  # take the newest versions the bounds allow
#
# Without --upgrade, the versions already pinned stay where they are (uv reads the
# current lock as its preference), so a new dependency changes only what it must.
set -euo pipefail
cd "$(dirname "$0")/.."
UV="${UV:-$(command -v uv || echo .venv/bin/uv)}"
# Linux: Debian 12's glibc 2.36 (the CI machines; PySide6 6.11's wheels need 2.34).
for target in linux:x86_64-manylinux_2_36 windows:x86_64-pc-windows-msvc; do
    name=${target%%:*} platform=${target#*:}
    "$UV" pip compile pyproject.toml --quiet "$@" \
        --extra postgres --extra test --extra freeze \
        --python-version 3.11 --python-platform "$platform" \
        --generate-hashes --no-strip-extras \
        --custom-compile-command "bash locks/compile.sh" \
        -o "locks/frozen-$name.txt"
done
