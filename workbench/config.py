"""Paths, the database URL and user settings.

Data lives in the per-user data folder (platformdirs); on Windows that is
``%LOCALAPPDATA%\\Workbench``: a local disk, never beside the program files.
``WORKBENCH_HOME`` moves every folder below one directory (tests, the self-test,
portable use).
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "Workbench"
DB_FILENAME = "workbench.sqlite3"
SETTINGS_FILENAME = "settings.json"
SETTINGS_VERSION = 1


def _home_override() -> Path | None:
    value = os.environ.get("WORKBENCH_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Folder of the store, backups and attachments."""
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    home = _home_override()
    path = home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home_override()
    path = (
        home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: a URL as given, a bare path as a SQLite file."""
    if not db:
        return f"sqlite:///{default_db_path()}"
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def resources_dir() -> Path:
    """The ``resources`` folder, wherever this copy of the workbench runs from.

    Frozen (PyInstaller): beside the bundle's modules. Installed wheel:
    ``workbench/_resources``. Source checkout or editable install: the repository's
    ``resources`` folder.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    here = Path(__file__).resolve().parent
    candidates += [here / "_resources", here.parent / "resources"]
    for candidate in candidates:
        if (candidate / "contract").is_dir():
            return candidate
    raise FileNotFoundError(
        "resources folder not found; looked in " + ", ".join(map(str, candidates))
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


@dataclass
class Settings:
    """User settings, stored as JSON in the config folder.

    Each field has a default; unknown keys from a newer version are kept on save.
    """

    version: int = SETTINGS_VERSION
    language: str = "zh_CN"
    database: str = ""
    engineer: str = ""
    scanner_port: str = ""
    scanner_baud: int = 9600
    scanner_bytesize: int = 8
    scanner_parity: str = "N"
    scanner_stopbits: float = 1
    scanner_terminator: str = "cr"
    scanner_encoding: str = "utf-8"
    scanner_prefix: str = ""
    scanner_suffix: str = ""
    scanner_timeout_ms: int = 200
    scanner_timeout_mode: str = "drop"  # what a timed-out partial code does: drop | flush
    wedge_enabled: bool = True
    wedge_max_interval_ms: int = 35
    wedge_min_length: int = 4
    welcome_done: bool = False
    # Print the penalty exposure of 八、1 on the work order (off: the signed order states
    # the clocks' facts, deadlines, actual times and lateness, and no amount).
    workorder_penalty_on_paper: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def path(cls) -> Path:
        return config_dir() / SETTINGS_FILENAME

    @classmethod
    def load(cls) -> Settings:
        path = cls.path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        settings = cls()
        for key, value in raw.items():
            if key in known and key != "extra":
                default = getattr(settings, key)
                if isinstance(default, bool) and not isinstance(value, bool):
                    continue
                if isinstance(default, int | float) and not isinstance(value, int | float):
                    continue
                if isinstance(default, str) and not isinstance(value, str):
                    continue
                setattr(settings, key, value)
            elif key != "extra":
                settings.extra[key] = value
        settings.version = SETTINGS_VERSION
        return settings

    def save(self) -> None:
        data = asdict(self)
        extra = data.pop("extra")
        data.update(extra)
        path = self.path()
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, path)
