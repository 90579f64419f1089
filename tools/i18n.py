"""Translation upkeep: Qt .ts files per area of the code, compiled to .qm.

English is the source language of every string; Simplified Chinese (zh_CN) is the
default language the app loads. Each area of the code keeps its own file,
``resources/i18n/<area>.zh_CN.ts``, so that work on one area never touches another's.

    python tools/i18n.py update AREA FILE.py [FILE.py ...]   # extract strings (keeps translations)
    python tools/i18n.py fill AREA MAPPING.json              # {"source": "翻译", ...} fills gaps
    python tools/i18n.py add AREA MAPPING.json               # {"context": {"source": "翻译"}} adds
    python tools/i18n.py release                             # every .ts -> .qm
    python tools/i18n.py check                               # list strings lacking a translation
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"
LANG = "zh_CN"


def _tool(name: str) -> str:
    exe = Path(sys.executable).parent / f"pyside6-{name}"
    found = shutil.which(str(exe)) or shutil.which(f"pyside6-{name}")
    if not found:
        raise SystemExit(f"pyside6-{name} not found")
    return found


def ts_path(area: str) -> Path:
    return I18N / f"{area}.{LANG}.ts"


def update(area: str, files: list[str]) -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-target-language",
            LANG,
            "-ts",
            str(ts_path(area)),
        ],
        check=True,
    )


def fill(area: str, mapping_file: str) -> None:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    path = ts_path(area)
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        if source in mapping:
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                form = ET.SubElement(translation, "numerusform")
                form.text = mapping[source]
                translation.text = None
            else:
                translation.text = mapping[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not translation.text:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print("no translation:", source)


def add(area: str, mapping_file: str) -> None:
    """Add (or re-translate) messages by context in one area's file, creating it if need
    be; for strings new in code that already has other areas' strings."""
    mapping: dict[str, dict[str, str]] = json.loads(Path(mapping_file).read_text("utf-8"))
    path = ts_path(area)
    if path.exists():
        tree = ET.parse(path)
        root = tree.getroot()
    else:
        root = ET.Element("TS", version="2.1", language=LANG)
        tree = ET.ElementTree(root)
    contexts = {c.findtext("name") or "": c for c in root.iter("context")}
    for name, messages in mapping.items():
        context = contexts.get(name)
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = name
            contexts[name] = context
        existing = {m.findtext("source") or "": m for m in context.iter("message")}
        for source, text in messages.items():
            message = existing.get(source)
            if message is None:
                message = ET.SubElement(context, "message")
                ET.SubElement(message, "source").text = source
                ET.SubElement(message, "translation")
            translation = message.find("translation")
            assert translation is not None
            translation.text = text
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def release() -> None:
    for ts in sorted(I18N.glob(f"*.{LANG}.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def untranslated(sources: list[Path]) -> list[tuple[str, str]]:
    """(context, source) pairs in ``sources`` that no committed .ts file translates."""
    known: set[tuple[str, str]] = set()
    for ts in I18N.glob(f"*.{LANG}.ts"):
        for context in ET.parse(ts).iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                text = (translation.text or "").strip() if translation is not None else ""
                forms = (
                    [f.text for f in translation.iter("numerusform")]
                    if translation is not None
                    else []
                )
                if (
                    translation is not None
                    and (text or any(forms))
                    and translation.get("type") not in ("unfinished", "vanished", "obsolete")
                ):
                    known.add((name, message.findtext("source") or ""))
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / f"all.{LANG}.ts"
        subprocess.run(
            [
                _tool("lupdate"),
                "-silent",
                "-locations",
                "none",
                *map(str, sources),
                "-ts",
                str(scratch),
            ],
            check=True,
            capture_output=True,
        )
        wanted = [
            (context.findtext("name") or "", message.findtext("source") or "")
            for context in ET.parse(scratch).iter("context")
            for message in context.iter("message")
        ]
    return [pair for pair in wanted if pair not in known]


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, *rest = argv
    if cmd == "update" and len(rest) >= 2:
        update(rest[0], rest[1:])
    elif cmd == "fill" and len(rest) == 2:
        fill(rest[0], rest[1])
    elif cmd == "add" and len(rest) == 2:
        add(rest[0], rest[1])
    elif cmd == "release":
        release()
    elif cmd == "check":
        missing = untranslated(sorted((ROOT / "workbench").rglob("*.py")))
        for context, source in missing:
            print(f"{context}: {source}")
        return 1 if missing else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
