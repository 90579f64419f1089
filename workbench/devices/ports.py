"""Serial port discovery: which ports exist, and which of them are barcode scanners.

USB scanners in virtual-COM mode show up with their maker's USB vendor id; RS-232
scanners reach the laptop through a USB-serial adapter, which is flagged as an
``adapter`` (it may or may not have a scanner behind it). ``auto`` picks the one known
scanner when there is exactly one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from serial.tools import list_ports

AUTO = "auto"

PortKind = Literal["scanner", "adapter", "other"]

# USB vendor ids of barcode scanner makers (usb.ids, vendors' integration guides).
SCANNER_VENDORS: dict[int, str] = {
    0x0C2E: "Honeywell (Metrologic)",
    0x0536: "Hand Held Products (Honeywell)",
    0x05E0: "Zebra (Symbol Technologies)",
    0x05F9: "Datalogic (PSC Scanning)",
    0x065A: "Opticon",
    0x1EAB: "Newland",
    0x27DD: "Mindeo",
}

# USB-serial bridges: (vendor, product) or (vendor, None) for every product of a vendor.
SERIAL_ADAPTERS: dict[tuple[int, int | None], str] = {
    (0x1A86, 0x7523): "CH340",
    (0x1A86, 0x5523): "CH341",
    (0x0403, None): "FTDI",
    (0x067B, None): "Prolific",
    (0x10C4, 0xEA60): "Silicon Labs CP210x",
}


@dataclass(frozen=True)
class PortInfo:
    device: str
    description: str
    vid: int | None
    pid: int | None
    serial_number: str | None
    manufacturer: str | None
    kind: PortKind
    vendor: str

    @property
    def vid_pid(self) -> str:
        """``0C2E:0B61``, or empty for a port that is not USB."""
        if self.vid is None or self.pid is None:
            return ""
        return f"{self.vid:04X}:{self.pid:04X}"


def classify(vid: int | None, pid: int | None) -> tuple[PortKind, str]:
    """What a USB vendor/product id is: a known scanner, a serial adapter, or other."""
    if vid is None:
        return "other", ""
    if vid in SCANNER_VENDORS:
        return "scanner", SCANNER_VENDORS[vid]
    for key in ((vid, pid), (vid, None)):
        if key in SERIAL_ADAPTERS:
            return "adapter", SERIAL_ADAPTERS[key]
    return "other", ""


def list_serial_ports() -> list[PortInfo]:
    """Every serial port the system reports, known scanners first."""
    result = []
    for port in list_ports.comports():
        vid = port.vid if isinstance(port.vid, int) else None
        pid = port.pid if isinstance(port.pid, int) else None
        kind, vendor = classify(vid, pid)
        description = port.description if port.description not in (None, "n/a") else ""
        result.append(
            PortInfo(
                device=str(port.device),
                description=str(description),
                vid=vid,
                pid=pid,
                serial_number=port.serial_number or None,
                manufacturer=port.manufacturer or None,
                kind=kind,
                vendor=vendor,
            )
        )
    order = {"scanner": 0, "adapter": 1, "other": 2}
    result.sort(key=lambda p: (order[p.kind], p.device))
    return result


def auto_port(ports: Iterable[PortInfo] | None = None) -> str | None:
    """The device of the single known scanner, or None if there is none or more than one."""
    candidates = list_serial_ports() if ports is None else list(ports)
    scanners = [p.device for p in candidates if p.kind == "scanner"]
    return scanners[0] if len(scanners) == 1 else None


def resolve(port: str) -> str | None:
    """The device to open for a configured port: ``auto`` resolved, else as given."""
    if port.strip().lower() == AUTO:
        return auto_port()
    return port.strip() or None


def port_present(device: str) -> bool:
    """Whether ``device`` exists right now (without opening it).

    On Windows the system's port list is the only reliable answer; elsewhere a port
    is a path (``/dev/ttyUSB0``, or a pseudo-terminal link that the port list never
    shows).
    """
    if os.name == "nt":
        wanted = device.upper().removeprefix("\\\\.\\")
        return any(str(p.device).upper() == wanted for p in list_ports.comports())
    return os.path.exists(device)
