"""Running the writer process and reading what it reported as committed."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

WRITER = Path(__file__).resolve().parent / "writer.py"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Writer:
    """A writer process whose stdout lines are collected by a thread as they come."""

    url: str
    run: str
    mode: str
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), self.url, self.run, self.mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=ROOT,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        # Binary lines: a line cut by the kill has no newline and is not a report.
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):
                break
            line = raw.decode("utf-8").rstrip("\n")
            if line == "READY":
                self.ready.set()
                continue
            with self._lock:
                self.lines.append(line)

    def reported(self) -> list[str]:
        with self._lock:
            return list(self.lines)

    def wait_ready(self, timeout: float = 60) -> None:
        if not self.ready.wait(timeout):
            self.kill()
            raise AssertionError(f"writer never became ready: {self.stderr()}")

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self._thread.join(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    def stderr(self) -> str:
        if self.proc.poll() is None or self.proc.stderr is None or self.proc.stderr.closed:
            return ""
        return self.proc.stderr.read().decode("utf-8", "replace")
