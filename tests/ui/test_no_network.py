"""Confidentiality: a whole GUI session opens no network connection.

The workbench talks to nothing but its database (here a SQLite file). Two nets catch a
connection: Python's audit hook sees every socket connect, send and name lookup made from
Python (our code, matplotlib, reportlab, ...); and at the end no TCP or UDP socket may be
open in the process at all (``/proc/self/fd`` against ``/proc/net``), which also catches
sockets opened by C++ code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

EVENTS = (
    "socket.connect",
    "socket.sendto",
    "socket.sendmsg",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "urllib.Request",
)
_seen: list[tuple[str, str]] = []
_armed = False


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if _armed and event in EVENTS:
        _seen.append((event, repr(args)[:200]))


sys.addaudithook(_hook)  # audit hooks cannot be removed; it records only while armed


def inet_socket_inodes() -> set[str]:
    """Inodes of this process's open sockets that are TCP or UDP (v4 or v6)."""
    mine = set()
    for fd in Path("/proc/self/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.add(target[8:-1])
    inet = set()
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/net") / table
        if path.exists():
            for line in path.read_text().splitlines()[1:]:
                fields = line.split()
                if len(fields) > 9:
                    inet.add(fields[9])
    return mine & inet


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs Linux /proc")
def test_a_full_session_opens_no_connection(qtbot, window, store, tmp_path):
    global _armed
    from workbench.ui.main_window import VIEWS

    before = inet_socket_inodes()
    _armed = True
    try:
        for key, _module, _cls in VIEWS:
            if window.has_view(key):
                window.show_view(key)
                qtbot.wait(200)
        window.scan_router.route("XF-KIOSK-01")
        assets = window.show_view("assets")
        assets.export_to(tmp_path / "a.xlsx", None)
        window.ctx.tasks.wait()
        qtbot.waitUntil(lambda: (tmp_path / "a.xlsx").exists(), timeout=5000)
        # Documents and charts: the parts most likely to reach out for fonts or data.
        from workbench import i18n
        from workbench.reports.labels import labels_pdf
        from workbench.services.labels import label_docs

        with store.transaction() as session:
            labels_pdf(label_docs(session, ["XF-KIOSK-01"]), "a4-3x8", i18n.translate)
        window.ctx.tasks.wait()
        qtbot.wait(200)
    finally:
        _armed = False
    assert _seen == [], _seen
    assert inet_socket_inodes() - before == set()


def test_the_hook_would_see_a_connection():
    """The net works: a real (refused) loopback connect is recorded."""
    import socket

    global _armed
    _seen.clear()
    _armed = True
    try:
        with socket.socket() as s:
            s.settimeout(0.5)
            with pytest.raises(ConnectionRefusedError):
                s.connect(("127.0.0.1", 9))  # discard port: nothing listens
    finally:
        _armed = False
    assert [e for e, _a in _seen] == ["socket.connect"]
    _seen.clear()
