"""Every user-visible string has a Chinese translation, and the compiled files are current."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import i18n as i18n_tool  # noqa: E402


def test_every_string_has_a_chinese_translation():
    missing = i18n_tool.untranslated(sorted((ROOT / "workbench").rglob("*.py")))
    assert missing == [], "untranslated strings:\n" + "\n".join(f"{c}: {s}" for c, s in missing)


@pytest.mark.parametrize(
    "ts", sorted((ROOT / "resources" / "i18n").glob("*.zh_CN.ts")), ids=lambda p: p.stem
)
def test_compiled_translations_are_current(ts: Path, tmp_path: Path):
    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run tools/i18n.py release"
    fresh = tmp_path / qm.name
    subprocess.run([i18n_tool._tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == qm.read_bytes(), f"{qm.name} is stale: run tools/i18n.py release"


@pytest.mark.parametrize(
    "ts", sorted((ROOT / "resources" / "i18n").glob("*.zh_CN.ts")), ids=lambda p: p.stem
)
def test_placeholders_survive_translation(ts: Path):
    """A translation keeps every {placeholder} of its source, or .format() would fail."""
    import re

    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [translation.text or ""] if translation is not None else []
        if translation is not None:
            texts += [f.text or "" for f in translation.iter("numerusform")]
        for text in filter(None, texts):
            assert set(re.findall(r"\{\w*\}", source)) == set(re.findall(r"\{\w*\}", text)), (
                f"{ts.name}: {source!r} -> {text!r}"
            )


def test_chinese_is_loaded_and_english_is_the_source():
    from workbench import i18n

    i18n.load("zh_CN")
    try:
        assert i18n.translate("MainWindow", "Devices") == "设备"
        assert i18n.translate("messages", "The file is empty.") == "文件是空的。"
    finally:
        i18n.load("en")
    assert i18n.translate("MainWindow", "Devices") == "Devices"
