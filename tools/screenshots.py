"""Screenshots of every main view, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1600x1000x24" \\
        python tools/screenshots.py shots/ --frozen dist/workbench     # the frozen build
    python tools/screenshots.py shots/                                 # the source tree
    python tools/screenshots.py shots/ --dialogs --lang zh_CN          # the main dialogs

Runs the workbench's self-test once per language with ``WORKBENCH_SCREENSHOTS`` set: in
a temporary data folder it loads the contract and a demo history (up to today),
opens the main window, shows each navigation entry in turn and saves the window as
``NN-<view>-<language>.png`` (``QWidget.grab()``). With ``--frozen`` the frozen app does
all this itself, so the pictures show what the installed program draws: its bundled
font, its Qt plugins, its translations. Under Xvfb the real xcb platform is used; with no
display, the offscreen one.

``--dialogs`` (from the source tree) fills a temporary store with the demo history
(``workbench init --demo``), opens the main window at 1366×768 and saves the main
dialogs as ``2N-<dialog>-<language>.png``: new work order, start round, new asset, and
the welcome wizard's records page.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN", "en")


def command(frozen: Path | None) -> list[str]:
    if frozen is None:
        return [sys.executable, "-m", "workbench", "--selftest"]
    name = "workbench-cli.exe" if sys.platform == "win32" else "workbench"
    exe = frozen / name
    if not exe.is_file():
        raise SystemExit(f"no {name} in {frozen}: build it with pyinstaller build.spec")
    return [str(exe), "--selftest"]


def take(out: Path, language: str, frozen: Path | None) -> tuple[int, list[Path]]:
    before = set(out.glob(f"*-{language}.png"))
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as home:
        env = {
            **os.environ,
            "WORKBENCH_HOME": home,
            "WORKBENCH_SCREENSHOTS": str(out),
            "WORKBENCH_SELFTEST_LANGUAGE": language,
        }
        if frozen is not None:
            env.pop("PYTHONPATH", None)
        proc = subprocess.run(
            command(frozen), cwd=ROOT, env=env, text=True, capture_output=True, check=False
        )
    print(proc.stdout, end="")
    if proc.returncode != 0:
        print(proc.stderr, end="", file=sys.stderr)
    made = sorted(set(out.glob(f"*-{language}.png")) - before) or sorted(
        out.glob(f"*-{language}.png")
    )
    return proc.returncode, made


DIALOG_SCRIPT = r"""
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog

from workbench import app as app_module
from workbench.config import Settings
from workbench.data.store import open_store
from workbench.ui.settings.welcome import WelcomeWizard

out, language = Path(sys.argv[1]), sys.argv[2]
qt_app = app_module.create_application(language, ["screenshots"])
store = open_store()
window = app_module.create_main_window(store, Settings(), start_scanner=False)
window.setGeometry(0, 0, 1366, 768)
window.show()


def settle():
    for _ in range(4):
        qt_app.processEvents()
        window.ctx.tasks.wait(10_000)
        qt_app.processEvents()


def shown(parent):
    for _ in range(200):
        settle()
        found = [d for d in parent.findChildren(QDialog) if d.isVisible()]
        if found:
            return found[0]
    raise SystemExit("no dialog opened")


def save(widget, name):
    settle()
    path = out / f"{name}-{language}.png"
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"saved {path}")
    widget.close()


workorders = window.show_view("workorders")
settle()
workorders.new_work_order(("XF-KIOSK-01",))
save(shown(workorders), "21-new-workorder")
inspections = window.show_view("inspections")
settle()
save(inspections.open_start_dialog(), "22-start-round")
assets = window.show_view("assets")
settle()
assets.new_asset()
save(shown(assets), "23-new-asset")
wizard = WelcomeWizard(window.ctx, parent=window)
wizard.show()
settle()
wizard.next()  # the inventory
settle()
wizard.next()  # from when the records are kept
settle()
save(wizard, "24-welcome-records")
window.ctx.tasks.wait()
window.close()
store.dispose()
"""


def take_dialogs(out: Path, language: str) -> int:
    with tempfile.TemporaryDirectory(prefix="workbench-shots-") as home:
        env = {**os.environ, "WORKBENCH_HOME": home}
        for args in (
            [sys.executable, "-m", "workbench", "init", "--demo"],
            [sys.executable, "-c", DIALOG_SCRIPT, str(out), language],
        ):
            proc = subprocess.run(
                args, cwd=ROOT, env=env, text=True, capture_output=True, check=False
            )
            print(proc.stdout, end="")
            if proc.returncode != 0:
                print(proc.stderr, end="", file=sys.stderr)
                return proc.returncode
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--frozen", type=Path, help="a one-folder build, e.g. dist/workbench")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    parser.add_argument("--dialogs", action="store_true", help="the main dialogs instead")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.dialogs:
        return max((take_dialogs(out, language) for language in args.lang), default=0)
    frozen = args.frozen.resolve() if args.frozen else None
    status = 0
    for language in args.lang:
        code, made = take(out, language, frozen)
        if not made:
            print(f"no screenshots for {language}", file=sys.stderr)
            status = 1
        for path in made:
            print(f"saved {path}")
        if code != 0:
            print(f"the self-test in {language} reported failures (exit {code})", file=sys.stderr)
            status = status or code
    return status


if __name__ == "__main__":
    sys.exit(main())
