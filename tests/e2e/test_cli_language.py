"""``workbench --help``, a subcommand's help and argparse's own errors speak the user's
language: Chinese by default, English with --lang en or an English LANG (issue 20,
defect 2: "error: the following arguments are required: NUMBER" under zh_CN).

What may stay in Latin letters: option names, metavars and choices, codes and file
names, and a short list of proper names and units.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from workbench.cli import main

# Names, units and codes that are the same in Chinese text.
ALLOWED = {
    "workbench", "usage", "SQLAlchemy", "SQLite", "URL", "PDF", "QR", "Code128", "JSON",
    "ISO", "USB", "COM", "xlsx", "csv", "id", "ID", "kiosk", "file_cabinet", "auto", "cr",
    "utf", "dev", "ttyACM", "zh_CN", "en",
}  # fmt: skip


def _command_names() -> set[str]:
    import argparse

    from workbench.cli import build_parser

    names: set[str] = set()

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    names.add(name)
                    walk(sub)

    walk(build_parser())
    return names


def english_left(text: str) -> list[str]:
    """The words of ``text`` that are English prose, not names, options or codes."""
    allowed = ALLOWED | _command_names()
    text = re.sub(r"\S+\.(pdf|xlsx|csv)\b", " ", text)  # file names
    text = re.sub(r"\{[^}]*\}", " ", text)  # choices
    text = re.sub(r"'[^']*'", " ", text)  # values quoted back: 'fly', 'respond'
    text = re.sub(r"(?<![\w-])--?[\w-]+", " ", text)  # option names
    text = re.sub(r"\b[A-Z][A-Z0-9_]+\b", " ", text)  # metavars: NUMBER, URL, FILE
    text = re.sub(r"\b[\w.-]*\d[\w.-]*\b", " ", text)  # codes, dates, numbers
    words = re.findall(r"[A-Za-z][A-Za-z_']+", text)
    return [w for w in words if w not in allowed]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main(list(args))
    out, err = capsys.readouterr()
    return int(stop.value.code or 0), out, err


@pytest.fixture(autouse=True)
def _neutral_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("workorder", "advance", "--help"),
        ("report", "weekly", "--help"),
        ("scan", "--help"),
    ],
    ids=["top", "workorder-advance", "report-weekly", "scan"],
)
def test_help_is_chinese_by_default(capsys: pytest.CaptureFixture[str], args: tuple[str]) -> None:
    code, out, _err = _run(capsys, *args)
    assert code == 0
    assert out.startswith("用法：")
    assert english_left(out) == []


def test_argparse_errors_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "workorder", "advance")
    assert code == 2
    assert "错误：缺少以下必需参数：NUMBER, --step, --at" in err
    assert english_left(err) == []
    code, _out, err = _run(capsys, "workorder", "advance", "WO-2026-0001", "--step", "fly")
    assert code == 2
    assert "无效的选项" in err
    assert english_left(err) == []


def test_english_with_lang_en(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--lang", "en", "workorder", "advance", "--help")
    assert code == 0
    assert out.startswith("usage: ")
    assert "show this help message and exit" in out
    assert "the step done" in out
    code, _out, err = _run(capsys, "--lang", "en", "workorder", "advance")
    assert "the following arguments are required: NUMBER" in err


def test_english_with_an_english_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a real process: LANG=en_US.UTF-8 gives English help; C.UTF-8 the default."""
    env_en = {"LANG": "en_US.UTF-8", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "verify", "--help"],
        capture_output=True,
        text=True,
        env={**_base_env(), **env_en},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: ")
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", "verify", "--help"],
        capture_output=True,
        text=True,
        env={**_base_env(), "LANG": "C.UTF-8"},
        check=False,
    )
    assert proc.stdout.startswith("用法：")


def _base_env() -> dict[str, str]:
    import os

    keep = ("WORKBENCH_HOME", "HOME", "PATH", "PYTHONPATH", "QT_QPA_PLATFORM", "VIRTUAL_ENV")
    return {k: v for k, v in os.environ.items() if k in keep}
