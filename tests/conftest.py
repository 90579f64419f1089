"""Shared fixtures: isolated data folders, a migrated store filled with the contract.

The ``store`` fixture runs every test that uses it on SQLite and, when
``WORKBENCH_TEST_PG_URL`` names a PostgreSQL server (see ``.ci/postgres.sh``), on
PostgreSQL too, each test in a fresh schema. With ``WORKBENCH_REQUIRE_PG=1`` (CI) a
missing or unreachable server fails those tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from workbench.data.store import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Qt's warnings fail the test that caused them (tests/helpers/qtlog.py).
pytest_plugins = ("tests.helpers.qtlog",)

# Signing keys are sealed with scrypt at N=2**18 (0.75 s a try): the right cost for a PIN,
# the wrong one for hundreds of sign-offs in a test run. In-process tests seal with the
# cheapest parameters unseal accepts; tests/unit/domain/test_keys.py checks the real ones,
# and commands run as subprocesses use them.
from workbench.domain import keys as _keys  # noqa: E402

PRODUCTION_KDF = _keys.DEFAULT_KDF
_keys.DEFAULT_KDF = _keys.MIN_KDF

PG_URL_ENV = "WORKBENCH_TEST_PG_URL"
REQUIRE_PG_ENV = "WORKBENCH_REQUIRE_PG"


def pg_wanted() -> bool:
    return bool(os.environ.get(PG_URL_ENV)) or os.environ.get(REQUIRE_PG_ENV) == "1"


def _pg_unavailable(reason: str) -> None:
    if os.environ.get(REQUIRE_PG_ENV) == "1":
        pytest.fail(f"PostgreSQL required ({REQUIRE_PG_ENV}=1) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


@contextmanager
def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a new, empty schema; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    base = os.environ.get(PG_URL_ENV, "")
    if not base:
        _pg_unavailable(f"{PG_URL_ENV} is not set")
    schema = f"wbtest_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as exc:
        admin.dispose()
        _pg_unavailable(f"cannot connect to {make_url(base).render_as_string()}: {exc.orig}")
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


BACKENDS = (
    ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
    if pg_wanted()
    else ["sqlite"]
)


@pytest.fixture(autouse=True)
def _fresh_logging() -> Iterator[None]:
    """Handlers that a test's in-process CLI run attached (files in its tmp folder, the
    captured stderr) are closed and removed after it, so no test writes to another's."""
    import logging

    from workbench import logsetup

    root = logging.getLogger("workbench")
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    logsetup._configured = False
    logsetup._pending = None


@pytest.fixture(autouse=True)
def _english_to_start() -> None:
    """Every test starts in the source language. A command run in-process before any
    QApplication existed can leave ``i18n.language()`` at zh_CN with its translators on
    no application, so the next view would mix Chinese data names with English labels."""
    from workbench import i18n

    if i18n.language() != "en":
        i18n.load("en")


@pytest.fixture(autouse=True)
def workbench_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, log and config folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, db_path: Path) -> Iterator[str]:
    """A database URL: a SQLite file in tmp, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{db_path}"
        return
    with pg_schema_url() as url:
        yield url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL schema for tests that only make sense on a server."""
    if not pg_wanted():
        pytest.skip(f"{PG_URL_ENV} is not set")
    with pg_schema_url() as url:
        yield url


@pytest.fixture(scope="session")
def contract_store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, contract-loaded SQLite file, built once per session: the ``store``
    fixtures copy it instead of migrating and loading the contract for every test."""
    from tests.helpers.stores import build_contract_store

    return build_contract_store(tmp_path_factory.mktemp("template") / "store.sqlite3")


@pytest.fixture(scope="session")
def demo_year_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo year (``tests.helpers.stores.DEMO_UNTIL``, default seed) in a SQLite
    file, built once per session; tests open a copy (``copy_store``)."""
    from tests.helpers.stores import build_demo_year

    with _built_once(tmp_path_factory, "demo-template") as (folder, ready):
        path = folder / "demo.sqlite3"
        if not ready:  # (a worker that failed half-way may have left a file)
            for stale in folder.glob("demo.sqlite3*"):
                stale.unlink()
            build_demo_year(path)
        return path


@contextmanager
def _built_once(factory: pytest.TempPathFactory, name: str) -> Iterator[tuple[Path, bool]]:
    """A folder for something built once per test run: shared by the xdist workers of
    this run (under a lock, the first builds it; ~13 s each for the demo year), the
    session's own folder without xdist. Yields (folder, already built)."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        yield factory.mktemp(name), False
        return
    try:
        import fcntl
    except ImportError:  # Windows: one build per worker
        yield factory.mktemp(name), False
        return
    folder = base.parent / name  # this run's folder, above each worker's own
    folder.mkdir(exist_ok=True)
    done = folder / "built"
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ready = done.exists()
        yield folder, ready
        done.touch()


@pytest.fixture
def store(db_url: str, db_path: Path, contract_store_template: Path) -> Iterator[Store]:
    from tests.helpers.stores import copy_store
    from workbench.data.store import Store
    from workbench.services.setup import load_default_contract

    if db_url.startswith("sqlite"):
        copy_store(contract_store_template, db_path)
        s = Store(db_url)
    else:
        s = Store(db_url)
        with s.transaction("test") as session:
            load_default_contract(session)
    yield s
    s.dispose()


@pytest.fixture
def sqlite_store(db_path: Path, contract_store_template: Path) -> Iterator[Store]:
    """The ``store`` on SQLite only, for what concerns the file (backups, locks, damage)."""
    from tests.helpers.stores import copy_store
    from workbench.data.store import Store

    s = Store(f"sqlite:///{copy_store(contract_store_template, db_path)}")
    yield s
    s.dispose()


# PostgreSQL runs the store's own tests: data, services and the reliability checks. The
# UI and command-line tests drive files on disk (SQLite paths, the CLI's --db FILE) and
# run once, on SQLite.
PG_TEST_FOLDERS = ("tests/unit/data/", "tests/unit/services/", "tests/reliability/")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto``: one worker more than there are cores. Many tests wait (for a child
    process, a Qt timer, a killed writer), and the extra worker fills that time: on the
    2-core machine the suite took 123.8 s with 2 workers, 113.9 s with 3, 119.5 s with 4."""
    del config
    return (os.cpu_count() or 1) + 1


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    dropped = [
        item
        for item in items
        if "[postgresql" in item.nodeid and not item.nodeid.startswith(PG_TEST_FOLDERS)
    ]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]
    # Modules with a slow test run first: xdist (--dist loadscope) hands modules to the
    # workers in this order, so the long ones start at once instead of leaving one core
    # idle at the end while the other finishes them.
    slow_modules = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_modules)
