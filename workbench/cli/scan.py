"""``workbench scan``: listen to a serial scanner and print one line per scan.

Each asset code is looked up in the store: ``--json`` prints one object a line with
``code``, ``symbology``, ``kind``, ``asset`` and ``name`` (null when unknown). A printed
record's or report's ``WB1|…`` code is checked against the store
(:func:`workbench.services.paper.check_text`): ``record`` is ``match``, ``differs`` or
``unknown`` (``record_state`` says how it differs), ``head_state`` whether the store
still extends the head on the paper, and ``matches`` whether the paper agrees with the
store in every respect. The command
keeps listening through unplug and replug, reports the scanner's state on stderr, waits
for a port that is not there yet, and ends with status 0 on Ctrl+C or SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import logging
import queue
import signal
import sys
from types import FrameType
from typing import Any

from workbench import i18n
from workbench.cli.common import store_from
from workbench.config import Settings
from workbench.data.store import Store
from workbench.devices.framing import ENCODINGS, TERMINATORS, FramingConfig, Scan
from workbench.devices.serial_reader import (
    DATA_BITS,
    PARITIES,
    STATE_LABELS,
    PortConfig,
    ReaderState,
    SerialScanner,
    configs_from_settings,
)
from workbench.domain.messages import QT_TRANSLATE_NOOP, Message, WorkbenchError
from workbench.domain.scancodes import AssetScan, HeadScan, KeyScan, RecordScan, classify
from workbench.services import paper
from workbench.services.assets import get_asset

log = logging.getLogger("workbench.cli")

_CONTEXT = "devices"
_SCANNER = QT_TRANSLATE_NOOP("devices", "Scanner")
_UNREGISTERED = QT_TRANSLATE_NOOP("devices", "Asset code not registered")
_WORK_ORDER = QT_TRANSLATE_NOOP("devices", "Work order {number}")
_ROUND = QT_TRANSLATE_NOOP("devices", "Inspection round {number}")
_NOT_ASSET = QT_TRANSLATE_NOOP("devices", "Not an asset code")
_REPORT_HEAD = QT_TRANSLATE_NOOP("devices", "Report, store head {head}")
_KEY_FORM = QT_TRANSLATE_NOOP("devices", "Engineer registration form")
_MALFORMED = QT_TRANSLATE_NOOP("devices", "Not a valid workbench code (damaged or forged)")
_MATCHES = QT_TRANSLATE_NOOP("devices", "matches the store")
_UNKNOWN_RECORD = QT_TRANSLATE_NOOP("devices", "NOT IN THIS STORE")
_DIFFERS = QT_TRANSLATE_NOOP("devices", "DOES NOT MATCH the signed record")
_HEAD_NOT_EXTENDED = QT_TRANSLATE_NOOP("devices", "the store does not extend the printed head")
_UNCHECKED = QT_TRANSLATE_NOOP("devices", "not checked (no store)")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser(
        "scan",
        parents=[common],
        help=QT_TRANSLATE_NOOP(
            "cli_help", "listen to a serial barcode scanner and print each scan"
        ),
        description=QT_TRANSLATE_NOOP(
            "cli_help",
            "Listen to a serial (or USB virtual COM) barcode scanner; print one line per "
            "scan. Options not given come from the settings.",
        ),
    )
    p.add_argument(
        "--port",
        help=QT_TRANSLATE_NOOP(
            "cli_help", "COM3, /dev/ttyACM0, ... or auto (the single known scanner)"
        ),
    )
    p.add_argument(
        "--baud", type=int, help=QT_TRANSLATE_NOOP("cli_help", "baud rate (default 9600)")
    )
    p.add_argument("--data-bits", type=int, choices=DATA_BITS)
    p.add_argument("--parity", choices=PARITIES)
    p.add_argument("--stop-bits", type=float, choices=(1, 1.5, 2))
    p.add_argument(
        "--terminator",
        choices=TERMINATORS,
        help=QT_TRANSLATE_NOOP("cli_help", "end of each code (default cr)"),
    )
    p.add_argument(
        "--encoding",
        choices=ENCODINGS,
        help=QT_TRANSLATE_NOOP("cli_help", "text encoding (default utf-8)"),
    )
    p.add_argument(
        "--prefix", help=QT_TRANSLATE_NOOP("cli_help", "fixed prefix the scanner adds, to strip")
    )
    p.add_argument(
        "--suffix", help=QT_TRANSLATE_NOOP("cli_help", "fixed suffix the scanner adds, to strip")
    )
    p.add_argument(
        "--timeout-ms",
        type=int,
        help=QT_TRANSLATE_NOOP(
            "cli_help", "inter-character timeout for a partial code (default 200)"
        ),
    )
    p.add_argument(
        "--json",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "cli_help",
            "one JSON object a line: code, symbology, kind, asset, name; for a printed "
            "record's code also record, head_state and matches (checked against the store)",
        ),
    )
    p.set_defaults(func=run)


def _configs(args: argparse.Namespace) -> tuple[PortConfig, FramingConfig]:
    settings = Settings.load()
    overrides = {
        "scanner_port": args.port,
        "scanner_baud": args.baud,
        "scanner_bytesize": args.data_bits,
        "scanner_parity": args.parity,
        "scanner_stopbits": args.stop_bits,
        "scanner_terminator": args.terminator,
        "scanner_encoding": args.encoding,
        "scanner_prefix": args.prefix,
        "scanner_suffix": args.suffix,
        "scanner_timeout_ms": args.timeout_ms,
    }
    for key, value in overrides.items():
        if value is not None:
            setattr(settings, key, value)
    try:
        return configs_from_settings(settings)
    except ValueError as exc:
        raise WorkbenchError(
            QT_TRANSLATE_NOOP("messages", "Invalid scanner settings: {details}"), details=str(exc)
        ) from exc


def describe(store: Store | None, scan: Scan) -> dict[str, Any]:
    """What a scan is, as the JSON line shows it; the asset looked up in ``store``."""
    result: dict[str, Any] = {
        "code": scan.code,
        "symbology": scan.symbology,
        "kind": "unknown",
        "asset": None,
        "name": None,
    }
    classified = classify(scan.code)
    if isinstance(classified, RecordScan | HeadScan | KeyScan) or scan.code.strip().startswith(
        "WB1|"
    ):
        result.update(_paper_check(store, scan.code))
    elif isinstance(classified, AssetScan):
        result["kind"] = "asset"
        if store is None:
            return result
        try:
            with store.transaction("scan") as session:
                found = get_asset(session, classified.code)
        except Exception as exc:  # a store problem must not end the listening
            log.warning("scan: looking up %s failed: %s", classified.code, exc)
            return result
        if found is not None:
            result["asset"] = found.code
            result["name"] = found.name
    return result


def _paper_check(store: Store | None, text: str) -> dict[str, Any]:
    """A workbench code held against the store; when that cannot be done, ``matches`` is
    null: a scan is never reported as matching unchecked."""
    scan = classify(text)
    unchecked: dict[str, Any] = {
        "kind": "malformed",
        "number": None,
        "record": None,
        "record_state": None,
        "head": None,
        "head_state": None,
        "matches": False,
    }
    if isinstance(scan, RecordScan):
        unchecked.update(kind=scan.kind, number=scan.number)
    elif isinstance(scan, KeyScan):
        unchecked.update(kind="key")
    elif isinstance(scan, HeadScan):
        unchecked.update(kind="head")
    else:
        return unchecked
    unchecked.update(head=scan.head.anchor if scan.head else None, matches=None)
    if store is None:
        return unchecked
    try:
        with store.read() as session:
            return paper.check_text(session, text).as_json()
    except Exception as exc:  # a store problem must not end the listening
        log.warning("scan: checking %s failed: %s", text, exc)
        return unchecked


def _verdict(info: dict[str, Any]) -> str:
    tr = i18n.translate
    if info.get("matches") is None:
        return tr(_CONTEXT, _UNCHECKED)
    if info["matches"]:
        return tr(_CONTEXT, _MATCHES)
    if info.get("record") == "unknown":
        return tr(_CONTEXT, _UNKNOWN_RECORD)
    if info.get("record") == "differs":
        return tr(_CONTEXT, _DIFFERS)
    return tr(_CONTEXT, _HEAD_NOT_EXTENDED)


def _plain(info: dict[str, Any]) -> str:
    tr = i18n.translate
    if info["asset"] is not None:
        what = f"{info['asset']}  {info['name']}"
    elif info["kind"] == "asset":
        what = tr(_CONTEXT, _UNREGISTERED)
    elif info["kind"] == "work_order":
        what = tr(_CONTEXT, _WORK_ORDER).format(number=info["number"]) + "  " + _verdict(info)
    elif info["kind"] == "inspection_round":
        what = tr(_CONTEXT, _ROUND).format(number=info["number"]) + "  " + _verdict(info)
    elif info["kind"] == "head":
        what = tr(_CONTEXT, _REPORT_HEAD).format(head=info["head"]) + "  " + _verdict(info)
    elif info["kind"] == "key":
        what = tr(_CONTEXT, _KEY_FORM) + "  " + _verdict(info)
    elif info["kind"] == "malformed":
        what = tr(_CONTEXT, _MALFORMED)
    else:
        what = tr(_CONTEXT, _NOT_ASSET)
    return f"{info['code']}\t{what}"


def _state_line(state: ReaderState, message: Message | None) -> str:
    label = i18n.translate(_CONTEXT, STATE_LABELS[state])
    prefix = i18n.translate(_CONTEXT, _SCANNER)
    detail = f" — {i18n.render(message)}" if message is not None else ""
    return f"{prefix}: {label}{detail}"


def run(args: argparse.Namespace) -> int:
    port, framing = _configs(args)
    events: queue.Queue[tuple[str, Any]] = queue.Queue()

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        events.put(("stop", signum))

    store = store_from(args)
    reader = SerialScanner(
        port,
        framing,
        on_scan=lambda scan: events.put(("scan", scan)),
        on_state=lambda state, message: events.put(("state", (state, message))),
    )
    handled = [signal.SIGINT, signal.SIGTERM]
    if hasattr(signal, "SIGBREAK"):  # Ctrl+Break on Windows
        handled.append(signal.SIGBREAK)
    previous = {signum: signal.signal(signum, on_signal) for signum in handled}
    reader.start()
    try:
        while True:
            kind, payload = events.get()
            if kind == "stop":
                log.info("scan: stopping on signal %s", payload)
                return 0
            if kind == "state":
                print(_state_line(*payload), file=sys.stderr, flush=True)
                continue
            info = describe(store, payload)
            if args.json:
                print(json.dumps(info, ensure_ascii=False), flush=True)
            else:
                print(_plain(info), flush=True)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        reader.stop()
        store.dispose()
