"""``workbench --selftest``: check that this copy of the workbench is complete and works.

Meant for the frozen build above all: a packaging mistake (a data file, a hidden import,
a matplotlib backend, the font, a Qt plugin left out) shows up only there. Each step runs
in a temporary data folder (``WORKBENCH_HOME``), so the user's own store and settings are
never read or touched, and prints one line: ``ok`` or ``FAILED``, its time and what it
found. The exit status is 0 only if every step passed.

The output is diagnostic text for support staff and CI, in English and ASCII-safe (a
Windows console or a redirected pipe may not speak UTF-8). The results also go to the log.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import re
import sys
import tempfile
import time
import traceback
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, TextIO

from workbench.domain.messages import QT_TRANSLATE_NOOP

log = logging.getLogger("workbench.selftest")

# A string of this module's own context whose Chinese translation ships in
# resources/i18n/installer.zh_CN.ts; the translation step checks that it is found.
KNOWN_STRING = QT_TRANSLATE_NOOP("selftest", "Self-test passed")

CHINESE = re.compile(r"[\u4e00-\u9fff]")

# Optional: a folder to save a screenshot of every main view into (tools/screenshots.py
# sets it to take them from the frozen build), and the language to run in.
SCREENSHOTS_ENV = "WORKBENCH_SCREENSHOTS"
LANGUAGE_ENV = "WORKBENCH_SELFTEST_LANGUAGE"


class Gui(Protocol):
    """What the main-window step needs of the application module (``workbench.app``),
    handed in by the entry point (``workbench.cli.main``): nothing below it imports it."""

    def create_application(self, language: str | None = None) -> Any: ...

    def create_main_window(self, store: Any, settings: Any = None) -> Any: ...


class CheckFailed(Exception):
    """A step found something wrong (as opposed to crashing)."""


@dataclass
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


@dataclass
class Context:
    """What the steps hand on to each other."""

    home: Path
    screenshots: Path | None = None
    store: Any = None
    language: str = "zh_CN"
    assets: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, location
    client_short: str = ""
    app: Any = None
    gui: Gui | None = None


# -- the steps --------------------------------------------------------------------------


def step_paths(ctx: Context) -> str:
    from workbench import config

    folders = {
        "data": config.data_dir(),
        "logs": config.log_dir(),
        "config": config.config_dir(),
    }
    for name, path in folders.items():
        if not path.is_relative_to(ctx.home):
            raise CheckFailed(f"{name} folder {path} is outside the temporary home {ctx.home}")
    resources = config.resources_dir()
    needed = [
        Path("fonts") / "wqy-microhei.ttc",
        Path("icons") / "workbench-256.png",
    ]
    missing = [str(p) for p in needed if not (resources / p).is_file()]
    if not any((resources / "contract").glob("*.toml")):
        missing.append("contract/*.toml")
    if not any((resources / "i18n").glob("*.zh_CN.qm")):
        missing.append("i18n/*.zh_CN.qm")
    if missing:
        raise CheckFailed(f"missing from {resources}: {', '.join(missing)}")
    # Beijing time everywhere; Windows has no zone database of its own, so there the
    # tzdata package must be in the build.
    if sys.platform == "win32":
        from importlib import resources as importlib_resources

        try:
            zone = importlib_resources.files("tzdata.zoneinfo.Asia").joinpath("Shanghai")
        except ModuleNotFoundError as exc:
            raise CheckFailed("the tzdata package is missing") from exc
        if not zone.is_file():
            raise CheckFailed("the tzdata package lacks Asia/Shanghai")
    from workbench.domain.timeutil import LOCAL_TZ

    offset = dt.datetime(2026, 3, 1, tzinfo=dt.UTC).astimezone(LOCAL_TZ).utcoffset()
    if offset != dt.timedelta(hours=8):
        raise CheckFailed(f"Asia/Shanghai is UTC{offset}, expected UTC+08:00")
    return f"resources in {resources}"


def step_store(ctx: Context) -> str:
    from sqlalchemy import func, select

    from workbench.config import database_url
    from workbench.data.models import Asset
    from workbench.data.store import Store, head_revision
    from workbench.domain.contract import load_contract
    from workbench.services.setup import (
        current_contract,
        default_contract_path,
        load_default_contract,
    )

    store = Store(database_url())
    ctx.store = store
    revision = store.current_revision()
    head = head_revision()
    if revision != head:
        raise CheckFailed(f"schema at {revision}, expected {head}")
    with store.transaction("selftest") as session:
        result = load_default_contract(session)
    expected = len(load_contract(default_contract_path()).assets)
    with store.transaction("selftest") as session:
        count = session.scalar(select(func.count()).select_from(Asset))
        contract = current_contract(session)
        devices = session.scalars(
            select(Asset).where(Asset.kind == "device").order_by(Asset.code).limit(3)
        ).all()
        ctx.assets = [(a.code, a.name, a.location.name if a.location else "") for a in devices]
        ctx.client_short = contract.client_short if contract else ""
    if count != expected or not result.created["assets"]:
        raise CheckFailed(f"{count} assets in the store, the contract lists {expected}")
    if contract is None:
        raise CheckFailed("no contract in the store after loading it")
    demo = ""
    if ctx.screenshots is not None:
        from workbench.demo import fill_demo

        with store.transaction("selftest") as session:
            # Up to now: the views measure deadlines and overdue rounds against today.
            fill_demo(session)
        demo = "; demo history added for the screenshots"
    return f"migrated to {head}; contract {contract.number} with {count} assets{demo}"


def step_translations(ctx: Context) -> str:
    from PySide6.QtCore import QTranslator

    from workbench import i18n
    from workbench.config import resource_path

    files = sorted(resource_path("i18n").glob("*.zh_CN.qm"))
    broken = [qm.name for qm in files if not QTranslator().load(str(qm))]
    if broken:
        raise CheckFailed(f"cannot load {', '.join(broken)}")
    i18n.load("zh_CN")  # Chinese is the default: check it whatever language runs
    translated = i18n.translate("selftest", KNOWN_STRING)
    i18n.load(ctx.language)
    if not CHINESE.search(translated):
        raise CheckFailed(f"{KNOWN_STRING!r} is not translated to Chinese")
    return f"{len(files)} translation files loaded; running in {ctx.language}"


def step_database_drivers(ctx: Context) -> str:  # noqa: ARG001 (every step takes the context)
    """SQLite always; the PostgreSQL driver in the Windows build (a team's server)."""
    import sqlite3

    found = [f"SQLite {sqlite3.sqlite_version}"]
    try:
        import psycopg
        from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

        PGDialect_psycopg.import_dbapi()  # type: ignore[no-untyped-call]
        found.append(f"psycopg {psycopg.__version__}")
    except ImportError as exc:
        if sys.platform == "win32":
            raise CheckFailed(f"the PostgreSQL driver is missing: {exc}") from exc
        found.append("no PostgreSQL driver in this build")
    return ", ".join(found)


def _check_pdf(data: bytes, expected: list[str]) -> str:
    """Open the PDF, find ``expected`` in its text and the CJK font embedded as a subset."""
    import pypdfium2 as pdfium

    if not data.startswith(b"%PDF-"):
        raise CheckFailed("not a PDF")
    pdf = pdfium.PdfDocument(data)
    try:
        pages = len(pdf)
        text = ""
        for index in range(pages):
            page = pdf[index]
            textpage = page.get_textpage()
            text += textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()
    squeezed = re.sub(r"\s+", "", text)
    absent = [s for s in expected if re.sub(r"\s+", "", s) not in squeezed]
    if absent:
        raise CheckFailed(f"text not found in the PDF: {', '.join(absent)}")
    # reportlab writes font dictionaries uncompressed: an embedded TrueType subset has a
    # /FontFile2 stream and a BaseFont named like /AAAAAA+<PostScript name>.
    from reportlab.pdfbase import pdfmetrics

    from workbench.reports.fonts import register_reportlab_font

    face = pdfmetrics.getFont(register_reportlab_font()).face.name
    face_name = face.decode("ascii") if isinstance(face, bytes) else str(face)
    subset = re.search(
        rb"/BaseFont\s*/([A-Z]{6}\+" + re.escape(face_name.encode()) + rb"\S*)", data
    )
    if subset is None or b"/FontFile2" not in data:
        raise CheckFailed(f"the font {face_name} is not embedded")
    return f"{pages} page(s), {len(data) // 1024} KiB, font {subset.group(1).decode()} embedded"


def step_workorder_pdf(ctx: Context) -> str:
    from workbench import i18n
    from workbench.domain.documents import (
        AssetLine,
        ContractHeader,
        LogLine,
        Party,
        SlaLine,
        WorkOrderDoc,
    )

    try:
        from workbench.reports.workorder import workorder_pdf
    except ImportError as exc:
        raise CheckFailed(f"work-order documents are missing from this build: {exc}") from exc

    beijing = dt.timezone(dt.timedelta(hours=8))
    reported = dt.datetime(2026, 5, 6, 9, 12, tzinfo=beijing)
    code, name, location = ctx.assets[0] if ctx.assets else ("XF-KIOSK-01", "信访自助一体机", "")
    description = "自检：触摸屏无响应，重启后恢复"
    doc = WorkOrderDoc(
        contract=ContractHeader(
            number="ZHSWZX-2026-007",
            title="运维服务合同（自检）",
            client=Party(name="北京市信访办公室", short="市信访办"),
            contractor=Party(name="首都信息发展股份有限公司", short="首信"),
            start=dt.date(2026, 3, 1),
            end=dt.date(2027, 2, 28),
            total_cny=Decimal("1105000.00"),
        ),
        number="WO-2026-0001",
        type="fault",
        status="restored",
        priority="normal",
        channel="phone",
        reporter_name="张三",
        reporter_phone="010-12345678",
        description=description,
        engineer_name="李工",
        reported_at=reported,
        responded_at=reported + dt.timedelta(minutes=12),
        onsite_at=reported + dt.timedelta(minutes=50),
        restored_at=reported + dt.timedelta(minutes=95),
        closed_at=None,
        cause="触摸屏驱动异常",
        resolution="重新安装驱动，测试正常",
        contractor_caused=False,
        assets=(AssetLine(code=code, name=name, location=location),),
        sla=(
            SlaLine(
                key="response",
                target_minutes=30,
                deadline=reported + dt.timedelta(minutes=30),
                done_at=reported + dt.timedelta(minutes=12),
                state="met",
            ),
        ),
        penalty_cny=Decimal("0.00"),
        log=(LogLine(at=reported, author="李工", text="已电话联系报修人"),),
        demo=True,
    )
    data = workorder_pdf(doc, i18n.translate)
    return _check_pdf(data, ["WO-2026-0001", description])


def step_label_pdf(ctx: Context) -> str:
    from workbench import i18n
    from workbench.domain.documents import LabelDoc

    try:
        from workbench.reports.labels import DEFAULT_LAYOUT, labels_pdf
    except ImportError as exc:
        raise CheckFailed(f"label documents are missing from this build: {exc}") from exc
    if not ctx.assets:
        raise CheckFailed("no devices in the store to label")
    labels = [
        LabelDoc(code=code, name=name, client_short=ctx.client_short, location=location)
        for code, name, location in ctx.assets
    ]
    data = labels_pdf(labels, DEFAULT_LAYOUT, i18n.translate)
    return _check_pdf(data, [labels[0].code, labels[0].name])


def step_signing_keys(ctx: Context) -> str:  # noqa: ARG001 (every step takes the context)
    """libsodium (PyNaCl) is in the build: a key sealed, unsealed, a signature checked.
    The cheapest KDF: this checks the packaging, not the cost a real PIN pays."""
    from workbench.domain import keys

    made = keys.new_key("12345678", keys.MIN_KDF)
    private = keys.unseal(made.sealed, made.public_hex, "12345678")
    if private is None:
        raise CheckFailed("a freshly sealed key does not open with its PIN")
    if keys.unseal(made.sealed, made.public_hex, "87654321") is not None:
        raise CheckFailed("a sealed key opens with a wrong PIN")
    signature = keys.sign(private, b"selftest")
    if not keys.verify(made.public_hex, b"selftest", signature):
        raise CheckFailed("an Ed25519 signature does not verify")
    if keys.verify(made.public_hex, b"other", signature):
        raise CheckFailed("an Ed25519 signature verifies for other bytes")
    shown = keys.display_fingerprint(made.fingerprint)[:9]
    return f"Ed25519 and ChaCha20-Poly1305 (libsodium); key {shown}"


def step_chart(ctx: Context) -> str:  # noqa: ARG001 (every step takes the context)
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from workbench.reports.fonts import font_path, register_matplotlib_font

    family = register_matplotlib_font()
    title = "运维工作台自检"
    labels = ["巡检", "工单", "报修"]
    bundled = font_manager.get_font(str(font_path()))
    lacking = sorted({c for c in title + "".join(labels) if bundled.get_char_index(ord(c)) == 0})
    if lacking:
        raise CheckFailed(f"the bundled font has no glyph for {''.join(lacking)!a}")
    drawn_with = Path(font_manager.findfont(font_manager.FontProperties(family=family)))
    figure = Figure(figsize=(4, 3), dpi=100)
    axes = figure.add_subplot()
    axes.bar(labels, [12, 5, 3])
    axes.set_title(title)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # A missing glyph is only a warning in matplotlib: here it fails the step.
        warnings.simplefilter("error")
        FigureCanvasAgg(figure).print_png(buffer)  # type: ignore[no-untyped-call]
    png = buffer.getvalue()
    if not png.startswith(b"\x89PNG"):
        raise CheckFailed("Agg did not write a PNG")
    return f"Agg chart, {len(png) // 1024} KiB PNG, {family} from {drawn_with.name}"


def step_serial_ports(ctx: Context) -> str:  # noqa: ARG001 (every step takes the context)
    from serial.tools import list_ports

    ports = sorted(p.device for p in list_ports.comports())
    return f"{len(ports)} serial port(s)" + (f": {', '.join(ports)}" if ports else "")


def step_main_window(ctx: Context) -> str:
    from PySide6.QtWidgets import QWidget

    from workbench.config import Settings
    from workbench.ui.main_window import available_views

    if ctx.store is None:
        raise CheckFailed("no store (the store step failed)")
    if ctx.gui is None:
        raise CheckFailed("no GUI to check (run it as workbench --selftest)")
    qt_app = ctx.gui.create_application(ctx.language)
    import matplotlib.backends.backend_qtagg  # noqa: F401  (charts embedded in the GUI)

    settings = Settings(welcome_done=True, language=ctx.language)
    window = ctx.gui.create_main_window(ctx.store, settings)
    keys = [key for key, _module, _cls in available_views()]
    try:
        window.show()
        qt_app.processEvents()
        if not window.isVisible():
            raise CheckFailed("the main window did not show")
        # Every view is imported by name when first shown: a module the build left out
        # fails here, not in front of the user.
        for key in keys:
            window.show_view(key)
            qt_app.processEvents()
        texts = [window.windowTitle()]
        for child in window.findChildren(QWidget):
            for attr in ("text", "title", "windowTitle"):
                getter = getattr(child, attr, None)
                if callable(getter):
                    try:
                        value = getter()
                    except TypeError:
                        continue
                    if isinstance(value, str):
                        texts.append(value)
        if ctx.language == "zh_CN" and not any(CHINESE.search(t) for t in texts):
            raise CheckFailed("the main window shows no Chinese text")
        title = window.windowTitle()
        shots = ""
        if ctx.screenshots is not None:
            saved = capture_views(window, qt_app, ctx.screenshots, ctx.language)
            shots = f"; {len(saved)} screenshots in {ctx.screenshots}"
    finally:
        window.close()
        window.deleteLater()
        qt_app.processEvents()
    return (
        f"{len(keys)} views shown on {qt_app.platformName()}: {', '.join(keys)}; "
        f"title {title!a}{shots}"
    )


def _settle(qt_app: Any, window: Any) -> None:
    """Let a view's background queries finish and their results arrive."""
    for _ in range(4):
        qt_app.processEvents()
        window.ctx.tasks.wait(10_000)
        qt_app.processEvents()


def capture_views(window: Any, qt_app: Any, folder: Path, language: str) -> list[Path]:
    """Show every navigation entry in turn and save the window as ``NN-key-lang.png``."""
    from workbench.ui.main_window import available_views

    folder.mkdir(parents=True, exist_ok=True)
    window.resize(1366, 768)  # a common site laptop (issue 20)
    saved = []
    for number, (key, _module, _cls) in enumerate(available_views(), start=1):
        window.show_view(key)
        _settle(qt_app, window)
        path = folder / f"{number:02d}-{key}-{language}.png"
        if not window.grab().save(str(path)):
            raise CheckFailed(f"could not write {path}")
        saved.append(path)
    return saved


STEPS: tuple[tuple[str, Callable[[Context], str]], ...] = (
    ("paths and resources", step_paths),
    ("store and contract", step_store),
    ("database drivers", step_database_drivers),
    ("translations", step_translations),
    ("work-order PDF", step_workorder_pdf),
    ("label PDF", step_label_pdf),
    ("signing keys", step_signing_keys),
    ("chart", step_chart),
    ("serial ports", step_serial_ports),
    ("main window", step_main_window),
)


# -- running ----------------------------------------------------------------------------


@contextmanager
def temporary_home() -> Iterator[Path]:
    """Point every data, log and config folder at a temporary directory."""
    old = os.environ.get("WORKBENCH_HOME")
    with tempfile.TemporaryDirectory(
        prefix="workbench-selftest-", ignore_cleanup_errors=True
    ) as tmp:
        os.environ["WORKBENCH_HOME"] = tmp
        try:
            yield Path(tmp)
        finally:
            if old is None:
                os.environ.pop("WORKBENCH_HOME", None)
            else:
                os.environ["WORKBENCH_HOME"] = old


def _needs_offscreen() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_steps(ctx: Context, out: TextIO) -> list[StepResult]:
    results: list[StepResult] = []
    for name, step in STEPS:
        started = time.perf_counter()
        try:
            detail = step(ctx)
            ok = True
        except CheckFailed as exc:
            ok, detail = False, str(exc)
        except Exception as exc:
            ok = False
            detail = f"{type(exc).__name__}: {exc}"
            log.error("self-test step %s crashed\n%s", name, traceback.format_exc())
        seconds = time.perf_counter() - started
        result = StepResult(name, ok, seconds, detail)
        results.append(result)
        status = "ok" if ok else "FAILED"
        print(f"{status:>6}  {seconds:6.2f} s  {name}: {detail}", file=out, flush=True)
        (log.info if ok else log.error)("self-test %s %s: %s", status, name, detail)
    return results


def run(language: str | None = None, out: TextIO | None = None, gui: Gui | None = None) -> int:
    """Run every step; 0 if all passed, 1 otherwise. ``gui`` builds the application and
    its main window for the last step (``workbench.app``, from the entry point)."""
    from workbench import __version__

    language = language or os.environ.get(LANGUAGE_ENV) or "zh_CN"
    shots = os.environ.get(SCREENSHOTS_ENV)
    screenshots = Path(shots).resolve() if shots else None

    stream = out if out is not None else sys.stdout
    if stream is None:  # a windowed build on Windows has no console: results go to the log
        stream = io.StringIO()
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="backslashreplace")
    if _needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(
        f"workbench {__version__} self-test ({frozen}, Python {sys.version.split()[0]}, "
        f"{sys.platform})",
        file=stream,
    )
    started = time.perf_counter()
    with temporary_home() as home:
        ctx = Context(home=home, language=language, screenshots=screenshots, gui=gui)
        try:
            results = run_steps(ctx, stream)
        finally:
            if ctx.store is not None:
                ctx.store.dispose()
    failed = [r for r in results if not r.ok]
    total = time.perf_counter() - started
    if failed:
        print(
            f"self-test FAILED: {len(failed)} of {len(results)} steps ({total:.1f} s)",
            file=stream,
        )
        return 1
    print(f"self-test passed: {len(results)} steps ({total:.1f} s)", file=stream)
    return 0
