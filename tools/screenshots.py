"""Screenshots of every main view, in Chinese and in English.

    xvfb-run -a -s "-screen 0 1600x1000x24" \\
        python tools/screenshots.py shots/ --frozen dist/workbench     # the frozen build
    python tools/screenshots.py shots/                                 # the source tree

Runs the workbench's self-test once per language with ``WORKBENCH_SCREENSHOTS`` set: in
a temporary data folder it loads the contract and a demo history (up to today),
opens the main window, shows each navigation entry in turn and saves the window as
``NN-<view>-<language>.png`` (``QWidget.grab()``). With ``--frozen`` the frozen app does
all this itself, so the pictures show what the installed program draws: its bundled
font, its Qt plugins, its translations. Under Xvfb the real xcb platform is used; with no
display, the offscreen one.
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--frozen", type=Path, help="a one-folder build, e.g. dist/workbench")
    parser.add_argument("--lang", nargs="+", choices=LANGUAGES, default=list(LANGUAGES))
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
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
