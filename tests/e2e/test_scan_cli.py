"""``workbench scan`` as a subprocess, listening to a real pseudo-terminal."""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest

from tests.tooling import need_socat

if TYPE_CHECKING:
    from workbench.data.store import Store

ROOT = Path(__file__).resolve().parents[2]
WAIT = 20.0


@pytest.fixture(autouse=True)
def _socat() -> None:
    need_socat()


class Pty:
    """A socat pty pair: the CLI opens ``port``, the test writes on the other side."""

    def __init__(self, folder: Path) -> None:
        self.port = str(folder / "ttyScanner")
        self.other = str(folder / "scanner-side")
        self.proc: subprocess.Popen[bytes] | None = None
        self.fd: int | None = None

    def plug(self) -> None:
        self.proc = subprocess.Popen(
            ["socat", f"pty,raw,echo=0,link={self.other}", f"pty,raw,echo=0,link={self.port}"],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not (os.path.exists(self.port) and os.path.exists(self.other)):
            assert time.monotonic() < deadline, "socat made no pty pair"
            time.sleep(0.005)
        self.fd = os.open(self.other, os.O_RDWR | os.O_NOCTTY)

    def unplug(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None

    def write(self, data: bytes) -> None:
        assert self.fd is not None
        os.write(self.fd, data)


class Lines:
    """Lines of a pipe, collected by a thread, waited for with a timeout."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.all: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.all.append(line.rstrip("\n"))
            self._queue.put(line.rstrip("\n"))

    def close(self) -> None:
        self._thread.join(WAIT)
        self.stream.close()

    def next(self) -> str:
        return self._queue.get(timeout=WAIT)

    def wait_for(self, text: str) -> str:
        while True:
            line = self.next()
            if text in line:
                return line


@pytest.fixture
def pty(tmp_path: Path) -> Iterator[Pty]:
    p = Pty(tmp_path)
    yield p
    p.unplug()


class Cli:
    def __init__(self, db_path: Path, port: str, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "workbench",
                "scan",
                "--port",
                port,
                "--db",
                str(db_path),
                *extra,
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        assert self.proc.stdout is not None
        assert self.proc.stderr is not None
        self.out = Lines(self.proc.stdout)
        self.err = Lines(self.proc.stderr)

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum``; the exit status."""
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(WAIT)
        finally:
            self.out.close()
            self.err.close()


def test_json_lines_through_unplug_and_sigterm(store: Store, db_path: Path, pty: Pty) -> None:
    pty.plug()
    cli = Cli(db_path, pty.port, "--json", "--lang", "en")
    out, err = cli.out, cli.err
    try:
        err.wait_for("Connected to")
        pty.write(b"]C1XF-KIOSK-01\r")
        pty.write(b"xf-nope-99\r")
        pty.write(b"WB1|WO|WO-2026-0001|" + b"0" * 64 + b"\r")
        pty.write(b"hello\r")
        first = [json.loads(out.next()) for _ in range(4)]
        assert first[0] == {
            "code": "XF-KIOSK-01",
            "symbology": "]C1",
            "kind": "asset",
            "asset": "XF-KIOSK-01",
            "name": "信访自助一体机",
        }
        assert (first[1]["asset"], first[1]["name"], first[1]["kind"]) == (None, None, "asset")
        assert (first[2]["kind"], first[2]["number"], first[2]["asset"]) == (
            "work_order",
            "WO-2026-0001",
            None,
        )
        # Checked against the store, never just named: this store has no such order.
        assert (first[2]["record"], first[2]["matches"]) == ("unknown", False)
        assert (first[3]["code"], first[3]["kind"], first[3]["symbology"]) == (
            "hello",
            "unknown",
            None,
        )

        pty.unplug()
        err.wait_for("lost")
        pty.plug()
        err.wait_for("Connected to")
        pty.write(b"XF-VC-01\r")
        again = json.loads(out.next())
        assert again["asset"] == "XF-VC-01"
        assert again["name"]
    finally:
        status = cli.stop()
    assert status == 0
    assert "Traceback" not in "\n".join(err.all)


def test_missing_port_is_waited_for_and_ctrl_c_exits_0(
    store: Store, db_path: Path, pty: Pty
) -> None:
    cli = Cli(db_path, pty.port, "--terminator", "crlf")
    out, err = cli.out, cli.err
    try:
        line = err.wait_for(pty.port)
        assert "等待" in line  # Chinese by default: the port is waited for
        assert cli.proc.poll() is None
        pty.plug()
        err.wait_for("已连接")
        pty.write(b"XF-KIOSK-02\r\n")
        assert out.next() == "XF-KIOSK-02\tXF-KIOSK-02  信访自助一体机"
    finally:
        status = cli.stop(signal.SIGINT)
    assert status == 0
    assert "Traceback" not in "\n".join(err.all)
