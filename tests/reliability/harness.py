"""Running the writer process and reading what it reported as committed.

Writers are forked from one fork server that has imported the writer and the workbench
once (``multiprocessing``'s forkserver with a preload), so a writer is ready in a few
milliseconds instead of the ~0.3 s a fresh interpreter takes: the kill test spends its
time killing, not starting Python. Each writer is still a separate process, killed with
SIGKILL.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_CONTEXT: Any = None


def _context() -> Any:
    global _CONTEXT  # one fork server for the whole test process
    if _CONTEXT is None:
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        if "forkserver" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["tests.reliability.writer"])
        else:  # Windows: a fresh interpreter per writer, as slow as before
            context = multiprocessing.get_context("spawn")
        _CONTEXT = context
    return _CONTEXT


@dataclass
class Writer:
    """A writer process whose reports are collected by a thread as they come."""

    url: str
    run: str
    mode: str
    lines: list[str] = field(default_factory=list)
    ready: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> None:
        from tests.reliability.writer import serve

        context = _context()
        self._conn, child = context.Pipe(duplex=False)
        self.proc = context.Process(
            target=serve, args=(child, self.url, self.run, self.mode), daemon=True
        )
        self.proc.start()
        child.close()  # the writer holds the only write end: its death is our EOF
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while True:
            try:
                line = self._conn.recv_bytes().decode("utf-8")
            except (EOFError, OSError):
                break
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
            raise AssertionError(f"writer never became ready (exit code {self.proc.exitcode})")

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join()
        self._thread.join(10)
        self._conn.close()
