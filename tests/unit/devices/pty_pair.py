"""A real pseudo-terminal pair (socat) standing in for a scanner's serial port."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


class PtyPair:
    """Two linked ptys: the reader opens ``port``; the test writes as the scanner.

    ``unplug()`` ends socat, which removes both links (as a USB port vanishes);
    ``plug()`` makes a new pair at the same paths.
    """

    def __init__(self, folder: Path) -> None:
        self.port = str(folder / "ttyScanner")
        self.scanner_end = str(folder / "scanner-side")
        self._proc: subprocess.Popen[bytes] | None = None
        self._fd: int | None = None

    def plug(self) -> None:
        assert self._proc is None
        self._proc = subprocess.Popen(
            [
                "socat",
                f"pty,raw,echo=0,link={self.scanner_end}",
                f"pty,raw,echo=0,link={self.port}",
            ],
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not (os.path.exists(self.port) and os.path.exists(self.scanner_end)):
            if time.monotonic() > deadline or self._proc.poll() is not None:
                raise RuntimeError("socat did not create the pty pair")
            time.sleep(0.005)
        self._fd = os.open(self.scanner_end, os.O_RDWR | os.O_NOCTTY)

    def unplug(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(10)
            self._proc = None
        deadline = time.monotonic() + 10
        while os.path.lexists(self.port) and time.monotonic() < deadline:
            time.sleep(0.005)

    def write(self, data: bytes) -> None:
        assert self._fd is not None, "not plugged in"
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
