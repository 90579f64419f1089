"""Window geometry, splitter and column state, kept in an INI file in the config folder."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from workbench.config import config_dir


def ui_settings() -> QSettings:
    return QSettings(str(config_dir() / "ui.ini"), QSettings.Format.IniFormat)


def save_geometry(key: str, widget: QWidget) -> None:
    ui_settings().setValue(f"{key}/geometry", widget.saveGeometry())


def restore_geometry(key: str, widget: QWidget) -> bool:
    value = ui_settings().value(f"{key}/geometry")
    return isinstance(value, QByteArray) and widget.restoreGeometry(value)


def save_header(key: str, header: QHeaderView) -> None:
    ui_settings().setValue(f"{key}/header", header.saveState())


def restore_header(key: str, header: QHeaderView) -> bool:
    value = ui_settings().value(f"{key}/header")
    return isinstance(value, QByteArray) and header.restoreState(value)


def save_splitter(key: str, splitter: QSplitter) -> None:
    ui_settings().setValue(f"{key}/splitter", splitter.saveState())


def restore_splitter(key: str, splitter: QSplitter) -> bool:
    value = ui_settings().value(f"{key}/splitter")
    return isinstance(value, QByteArray) and splitter.restoreState(value)
