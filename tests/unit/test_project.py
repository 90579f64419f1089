"""The project's own promises: the README's commands are what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.S)
    assert blocks, "README has no sh block"
    commands = [line for line in blocks[0].splitlines() if line.strip()]
    assert len(commands) == 2, "the quick start has exactly two commands"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_contract_file_is_in_resources():
    assert (ROOT / "resources" / "contract" / "ZHSWZX-2026-007.toml").is_file()
