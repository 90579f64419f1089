"""One base for the errors a user can fix, rendered one way; raising one touches no disk."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from workbench.data import errors
from workbench.data.backup import backup_to_offer, describe_error, restore_hint
from workbench.data.store import Store
from workbench.domain.messages import QT_TRANSLATE_NOOP, UserError, WorkbenchError
from workbench.services import backups

DATA = Path(errors.__file__).resolve().parent


def _store_errors() -> list[type[errors.StoreError]]:
    return [
        cls
        for _name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.StoreError)
    ]


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_error_a_user_can_fix_shares_one_base() -> None:
    assert len(_store_errors()) >= 9
    for cls in _store_errors():
        assert issubclass(cls, UserError)
    assert issubclass(WorkbenchError, UserError)
    assert issubclass(errors.RecordChangedError, UserError)
    assert not issubclass(UserError, WorkbenchError | errors.StoreError)


def test_render_translates_the_template_then_fills_it(tmp_path: Path) -> None:
    def shout(_context: str, text: str) -> str:
        return text.upper().replace("{PATH}", "{path}")

    exc = errors.StoreLockedError(db_path=tmp_path / "wb.sqlite3")
    assert str(tmp_path / "wb.sqlite3") in exc.render(shout)
    assert exc.render(shout).startswith("THE DATABASE")
    user = WorkbenchError(QT_TRANSLATE_NOOP("messages", "Row {row}: empty"), row=3)
    assert user.render() == "Row 3: empty" == str(user)


def test_the_store_and_the_backups_do_not_import_each_other() -> None:
    assert not any(name.startswith("workbench.data.store") for name in _imports(DATA / "backup.py"))
    errors_imports = _imports(DATA / "errors.py")
    assert not any(
        name.startswith(("workbench.data.backup", "workbench.data.store", "workbench.config"))
        for name in errors_imports
    )


@pytest.mark.parametrize("cls", _store_errors(), ids=lambda c: c.__name__)
def test_raising_a_store_error_looks_nothing_up(cls: type[errors.StoreError], tmp_path: Path):
    """The constructor does no I/O: the backup folder is not read (it cannot be: it is a
    file here, and listing it would fail); whoever shows the error looks it up."""
    db = tmp_path / "wb.sqlite3"
    exc = cls(db_path=db, folder=str(tmp_path), revision="9999", url="x", driver="psycopg")
    assert exc.db_path == db
    assert not hasattr(exc, "latest_backup")
    assert "workbench restore" not in exc.render()


def test_whoever_shows_a_store_error_offers_the_latest_backup(
    sqlite_store: Store, db_path: Path
) -> None:
    exc = errors.StoreCorruptError(db_path=db_path, detail="test")
    assert backup_to_offer(exc) is None
    assert "No backup of this database" in describe_error(exc)
    saved = backups.backup_now(sqlite_store)
    assert backup_to_offer(exc) == saved
    text = describe_error(exc)
    assert text.startswith(exc.render())
    assert f'workbench restore "{saved}" --db "{db_path}"' in text
    assert restore_hint(exc, latest=saved) in text
    server = errors.StoreUnreachableError(url="postgresql://db", detail="refused")
    assert backup_to_offer(server) is None
    assert describe_error(server) == server.render()
    user = WorkbenchError(QT_TRANSLATE_NOOP("messages", "The file is empty."))
    assert describe_error(user) == "The file is empty."
