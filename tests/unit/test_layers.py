"""Layer rules import-linter cannot state: Qt widgets only in the UI and the app wiring."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"
WIDGET_USERS = ("ui", "app.py", "selftest.py")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


SOURCES = sorted(
    p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] not in WIDGET_USERS
)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_widgets_outside_the_ui(path: Path):
    assert "PySide6.QtWidgets" not in imported_modules(path)


def test_the_check_sees_the_ui():
    assert "PySide6.QtWidgets" in imported_modules(PACKAGE / "ui" / "main_window.py")
