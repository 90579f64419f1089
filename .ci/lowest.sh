#!/usr/bin/env bash
# The lowest direct versions: install every direct dependency (and the test extras) at
# the minimum that pyproject.toml states, the rest at their newest (uv's
# "lowest-direct" resolution), and run a subset of the suite that exercises each of
# them: the store, migrations and services (SQLAlchemy, Alembic), the documents
# (reportlab, matplotlib, openpyxl), printing and preview (PySide6, pypdfium2).
# A minimum in pyproject that is not true fails here.
#
#   bash .ci/lowest.sh              # uses python3 and a scratch venv in build/lowest
#   LOWEST_VENV=/tmp/x bash .ci/lowest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
VENV="${LOWEST_VENV:-build/lowest}"
start=$(date +%s)

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
if [ -x .venv/bin/uv ]; then UV=.venv/bin/uv; else
    "$VENV/bin/python" -m pip install -q uv
    UV="$VENV/bin/uv"
fi
"$UV" pip install -q --python "$VENV/bin/python" --resolution lowest-direct -e ".[test]"
echo "== lowest direct versions:"
"$UV" pip list --python "$VENV/bin/python" 2>/dev/null | grep -i -E \
    '^(pyside6-essentials|sqlalchemy|alembic|platformdirs|openpyxl|reportlab|matplotlib|pyserial|pypdfium2|tzdata|pytest|pytest-qt|hypothesis|pypdf|zxing-cpp) ' \
    | sed 's/^/   /'
installed=$(date +%s)

QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -q -x -p no:cacheprovider \
    tests/unit/data tests/unit/services tests/unit/reports \
    tests/ui/test_printing.py tests/ui/test_reports_view.py
echo "lowest: installed in $((installed - start)) s, tests in $(( $(date +%s) - installed )) s"
