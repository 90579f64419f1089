"""``python -m benchmarks [--scale small|large] [--json FILE] [--only NAME,...]``."""

from __future__ import annotations

import sys

from benchmarks.runner import main

sys.exit(main(sys.argv[1:]))
