"""Turning a scanner's byte stream into scans. Pure Python: no Qt, no I/O.

A scanner sends one frame per code::

    [STX] [prefix] [AIM id] payload [suffix] terminator

where the terminator is CR, LF, CR LF, TAB, or ETX (with an STX opening the frame). The
:class:`FrameDecoder` buffers bytes across reads (``read`` returns whatever has arrived,
often part of a frame), cuts frames at the terminator, decodes the payload (UTF-8 or GBK;
Chinese scanners often send GBK), strips the configured prefix/suffix and an AIM
symbology identifier (``]C1`` Code 128, ``]Q1`` QR, ...), and rejects what cannot be a
code: undecodable bytes, control characters, frames longer than the maximum.

Noise (a scanner at the wrong baud rate, a cable being plugged in) arrives as a burst.
After a rejected frame the decoder is *out of step*: it drops everything until the line
has been quiet for the inter-character timeout, so that the fragments of a noise burst
that happen to look like text are not taken for scans. Real scans are separated by far
more than the timeout (a person aims the scanner), bytes within one scan by far less.

A frame that grows past the maximum length is the exception: its bytes are dropped up to
and including the next terminator (ETX, or an STX opening a new frame, in ``etx`` mode),
and decoding resumes there. A scanner that sends a long code the configuration does not
allow, and right after it a good one, loses only the long one.

A frame left open longer than the inter-character timeout is dropped (the safe default:
a truncated asset code could name a different device) or, in ``flush`` mode, taken as a
complete scan (for scanners configured to send no terminator).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from workbench.domain.messages import QT_TRANSLATE_NOOP, Message

log = logging.getLogger("workbench.devices")

Terminator = Literal["cr", "lf", "crlf", "tab", "etx"]
TimeoutMode = Literal["drop", "flush"]
Encoding = Literal["utf-8", "gbk"]

TERMINATORS: tuple[Terminator, ...] = ("cr", "lf", "crlf", "tab", "etx")
TIMEOUT_MODES: tuple[TimeoutMode, ...] = ("drop", "flush")
ENCODINGS: tuple[Encoding, ...] = ("utf-8", "gbk")

STX = 0x02
ETX = 0x03
CR = 0x0D
LF = 0x0A
TAB = 0x09

_END_BYTE = {"cr": CR, "lf": LF, "crlf": LF, "tab": TAB, "etx": ETX}

# ISO/IEC 15424: "]" + code character (letter) + modifier character (alphanumeric).
AIM_RE = re.compile(r"^\][A-Za-z][0-9A-Za-z]")

AIM_SYMBOLOGIES = {
    "A": "Code 39",
    "C": "Code 128",
    "d": "Data Matrix",
    "E": "EAN/UPC",
    "e": "GS1 DataBar",
    "F": "Codabar",
    "G": "Code 93",
    "H": "Code 11",
    "I": "Interleaved 2 of 5",
    "L": "PDF417",
    "Q": "QR Code",
    "U": "MaxiCode",
    "z": "Aztec",
    "X": "Other",
}

# Unicode categories that never belong in a scanned code: controls, format characters,
# surrogates, private use, unassigned, line and paragraph separators.
_REJECTED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def symbology_name(symbology: str | None) -> str:
    """A readable name for an AIM identifier such as ``]C1`` (empty if unknown)."""
    if not symbology or len(symbology) < 2:
        return ""
    return AIM_SYMBOLOGIES.get(symbology[1], "")


@dataclass(frozen=True)
class Scan:
    """One scanned code: the text, its AIM symbology identifier if sent, the raw frame."""

    code: str
    symbology: str | None
    raw: bytes


@dataclass(frozen=True)
class Rejection:
    """A frame that was not a scan, and why (for logs and the settings test pane)."""

    message: Message
    raw: bytes

    @property
    def reason(self) -> str:
        """The reason in English (logs); ``message.render(translate)`` for the screen."""
        return self.message.render()


def _m(template: str, **params: object) -> Message:
    return Message(template, dict(params))


@dataclass(frozen=True)
class FramingConfig:
    terminator: Terminator = "cr"
    prefix: str = ""
    suffix: str = ""
    aim: bool = True
    timeout: float = 0.2
    timeout_mode: TimeoutMode = "drop"
    max_length: int = 512
    encoding: Encoding = "utf-8"

    def __post_init__(self) -> None:
        if self.terminator not in TERMINATORS:
            raise ValueError(f"unknown terminator {self.terminator!r}")
        if self.timeout_mode not in TIMEOUT_MODES:
            raise ValueError(f"unknown timeout mode {self.timeout_mode!r}")
        if self.encoding not in ENCODINGS:
            raise ValueError(f"unknown encoding {self.encoding!r}")
        if self.timeout <= 0:
            raise ValueError("the inter-character timeout must be positive")
        if self.max_length < 1:
            raise ValueError("the maximum length must be at least 1")

    def frame(self, code: str, symbology: str | None = None) -> bytes:
        """The bytes a scanner configured like this sends for ``code`` (tests, the benchmark)."""
        body = (self.prefix + (symbology or "") + code + self.suffix).encode(self.encoding)
        if self.terminator == "etx":
            return bytes([STX]) + body + bytes([ETX])
        ending = {"cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t"}[self.terminator]
        return body + ending


def split_symbology(text: str) -> tuple[str | None, str]:
    """Split a leading AIM identifier off ``text``: ``"]C1ABC"`` -> ``("]C1", "ABC")``."""
    if AIM_RE.match(text):
        return text[:3], text[3:]
    return None, text


def _bad_character(text: str) -> str | None:
    for char in text:
        if char == "\ufffd" or unicodedata.category(char) in _REJECTED_CATEGORIES:
            return f"U+{ord(char):04X}"
    return None


class FrameDecoder:
    """Bytes in, scans out. Not thread-safe: one decoder per reader.

    ``feed(data, now)`` with the bytes just read and a monotonic time in seconds;
    ``poll(now)`` when nothing arrived, so that a partial frame times out. Neither ever
    raises on any input.
    """

    def __init__(
        self,
        config: FramingConfig | None = None,
        on_reject: Callable[[Rejection], None] | None = None,
    ) -> None:
        self.config = config or FramingConfig()
        self._on_reject = on_reject
        self._end = _END_BYTE[self.config.terminator]
        self._buffer = bytearray()
        self._in_frame = False  # etx mode: an STX has opened a frame
        self._out_of_step = False  # after garbage: drop all until the line is quiet
        self._overlong = False  # after an over-long frame: drop all up to the terminator
        self._skipped = 0  # bytes dropped while out of step
        self._last: float | None = None

    # -- public ----------------------------------------------------------------------
    def feed(self, data: bytes, now: float) -> list[Scan]:
        return [e for e in self.feed_events(data, now) if isinstance(e, Scan)]

    def poll(self, now: float) -> list[Scan]:
        return [e for e in self.poll_events(now) if isinstance(e, Scan)]

    def feed_events(
        self, data: bytes, now: float, *, buffered: bool = False
    ) -> list[Scan | Rejection]:
        """Like :meth:`feed`, with the rejections among the scans, in stream order.

        ``buffered`` says the bytes were already waiting when the read began: they
        arrived while the reader was busy, so no silence before them was observed and
        the inter-character timeout is not applied to the gap (a loaded machine must
        not cut a scan in two). A real silence is seen by the empty reads of
        :meth:`poll_events` in between.
        """
        events: list[Scan | Rejection] = []
        if not data:
            return self.poll_events(now)
        if not buffered:
            self._check_quiet(now, events)
        self._last = now
        for byte in data:
            self._byte(byte, events)
        return events

    def poll_events(self, now: float) -> list[Scan | Rejection]:
        events: list[Scan | Rejection] = []
        self._check_quiet(now, events)
        return events

    def reset(self) -> None:
        """Forget any partial frame (the port was closed or reopened)."""
        self._buffer.clear()
        self._in_frame = False
        self._out_of_step = False
        self._overlong = False
        self._skipped = 0
        self._last = None

    @property
    def pending(self) -> bool:
        """True while a partial frame is buffered."""
        return bool(self._buffer) or self._in_frame

    @property
    def deadline(self) -> float | None:
        """When ``poll`` next has something to do, or None."""
        if self._last is None or not (self.pending or self._out_of_step or self._overlong):
            return None
        return self._last + self.config.timeout

    # -- internals -------------------------------------------------------------------
    def _check_quiet(self, now: float, events: list[Scan | Rejection]) -> None:
        if self._last is None or now - self._last < self.config.timeout:
            return
        self._overlong = False  # the long frame ended with the silence
        if self._out_of_step:
            if self._skipped:
                log.info("scanner line quiet again; %d bytes of noise dropped", self._skipped)
            self._out_of_step = False
            self._skipped = 0
            self._buffer.clear()
            self._in_frame = False
            return
        if self._buffer:
            raw = bytes(self._buffer)
            self._buffer.clear()
            self._in_frame = False
            if self.config.timeout_mode == "flush":
                self._finish(raw, events)
            else:
                self._reject(
                    events,
                    _m(QT_TRANSLATE_NOOP("messages", "incomplete code timed out")),
                    raw,
                    garbage=False,
                )
        self._in_frame = False

    def _byte(self, byte: int, events: list[Scan | Rejection]) -> None:
        if self._out_of_step:
            self._skipped += 1
            return
        if self._overlong and not self._resynchronised(byte):
            return
        config = self.config
        if config.terminator == "etx":
            if byte == STX:
                if self._buffer:
                    self._reject(
                        events,
                        _m(QT_TRANSLATE_NOOP("messages", "frame not closed before the next STX")),
                        bytes(self._buffer),
                    )
                    self._buffer.clear()
                    self._skipped += 1
                    return
                self._in_frame = True
                return
            if not self._in_frame:
                if byte not in (CR, LF):  # many scanners add CR/LF after ETX
                    self._reject(
                        events,
                        _m(QT_TRANSLATE_NOOP("messages", "bytes outside an STX...ETX frame")),
                        bytes([byte]),
                    )
                return
            if byte == ETX:
                raw = bytes(self._buffer)
                self._buffer.clear()
                self._in_frame = False
                self._finish(raw, events)
                return
        else:
            if byte == self._end:
                raw = bytes(self._buffer)
                self._buffer.clear()
                if config.terminator == "crlf" and raw.endswith(b"\r"):
                    raw = raw[:-1]
                self._finish(raw, events)
                return
            if not self._buffer and byte in (CR, LF):
                return  # the rest of a CR LF ending, or an empty line
        self._buffer.append(byte)
        limit = config.max_length
        if config.terminator == "crlf" and byte == CR:
            limit += 1  # the CR of a CR LF ending is not part of the code
        if len(self._buffer) > limit:
            self._reject(
                events,
                _m(
                    QT_TRANSLATE_NOOP("messages", "longer than {limit} bytes"),
                    limit=config.max_length,
                ),
                bytes(self._buffer),
                garbage=False,
            )
            self._buffer.clear()
            self._in_frame = False
            self._overlong = True

    def _resynchronised(self, byte: int) -> bool:
        """While the rest of an over-long frame is dropped: True if ``byte`` ends it and
        should be handled as usual (an STX in ``etx`` mode opens the next frame)."""
        if self.config.terminator == "etx":
            if byte == STX:
                self._overlong = False
                return True
            if byte == ETX:
                self._overlong = False
            return False
        if byte == self._end:
            self._overlong = False
        return False

    def _finish(self, raw: bytes, events: list[Scan | Rejection]) -> None:
        if not raw:
            return
        config = self.config
        try:
            text = raw.decode(config.encoding)
        except UnicodeDecodeError:
            self._reject(
                events,
                _m(QT_TRANSLATE_NOOP("messages", "not valid {encoding}"), encoding=config.encoding),
                raw,
            )
            return
        bad = _bad_character(text)
        if bad is not None:
            self._reject(
                events,
                _m(QT_TRANSLATE_NOOP("messages", "control or invalid character {char}"), char=bad),
                raw,
            )
            return
        symbology: str | None = None
        if config.aim:
            symbology, text = split_symbology(text)
        if config.prefix and text.startswith(config.prefix):
            text = text[len(config.prefix) :]
            if config.aim and symbology is None:
                symbology, text = split_symbology(text)
        if config.suffix and text.endswith(config.suffix):
            text = text[: -len(config.suffix)]
        code = text.strip()
        if not code:
            self._reject(
                events, _m(QT_TRANSLATE_NOOP("messages", "empty code")), raw, garbage=False
            )
            return
        log.debug("scan %r (%s)", code, symbology or "-")
        events.append(Scan(code, symbology, raw))

    def _reject(
        self, events: list[Scan | Rejection], reason: Message, raw: bytes, *, garbage: bool = True
    ) -> None:
        preview = raw[:32].hex(" ")
        more = "…" if len(raw) > 32 else ""
        log.warning("scanner input rejected: %s [%s%s]", reason, preview, more)
        if garbage:
            self._out_of_step = True
        rejection = Rejection(reason, raw)
        events.append(rejection)
        if self._on_reject is not None:
            self._on_reject(rejection)
