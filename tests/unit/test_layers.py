"""Layer rules import-linter cannot state: Qt widgets only in the UI and the app wiring."""

from __future__ import annotations

import ast
import re
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


# -- one way for the UI to read and one to write -----------------------------------------
# The UI reaches the store only through AppContext.read / read_core / write (ui/common/
# context.py): they run off the GUI thread, drop superseded answers and send errors to the
# one message path. A view that opened a session or a transaction itself would skip all
# three (and the writer's session skips the store's storage-error classification).
STORE_DOORS = re.compile(r"\.(?:_?session|transaction)\(|\bstore\.transaction\b")
UI = PACKAGE / "ui"
STORE_HELPERS = UI / "common" / "context.py"
UI_SOURCES = sorted(p for p in UI.rglob("*.py") if p != STORE_HELPERS)


def store_doors(path: Path) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if STORE_DOORS.search(line)
    ]


def test_no_ui_module_opens_a_session_or_transaction_itself():
    found = [hit for path in UI_SOURCES for hit in store_doors(path)]
    assert not found, "use ctx.read / ctx.write instead:\n" + "\n".join(found)


def test_the_store_check_sees_the_helpers():
    assert store_doors(STORE_HELPERS)  # ctx.write opens the transaction
    assert len(UI_SOURCES) > 30
