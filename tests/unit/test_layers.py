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


ENTRY_POINTS = {"cli/__init__.py", "__main__.py"}


def test_only_the_entry_points_import_the_qt_application_module():
    """Opening a store is ``services.startup``: no view, service or test opens one
    through ``workbench.app`` (the QApplication set-up); only the entry points start it
    (imports inside functions count too)."""
    importers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in ENTRY_POINTS or relative == "app.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if node.module == "workbench":
                    names += [f"workbench.{alias.name}" for alias in node.names]
            if any(name == "workbench.app" or name.startswith("workbench.app.") for name in names):
                importers.append(f"{relative}:{node.lineno}")
    assert importers == []
    assert "workbench" in imported_modules(PACKAGE / "cli" / "__init__.py")  # the check sees it
