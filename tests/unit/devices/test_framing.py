"""Frame decoding: bytes in, scans out, whatever the bytes and however they arrive."""

from __future__ import annotations

import logging
import random
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.devices.framing import (
    CR,
    ENCODINGS,
    LF,
    TAB,
    TERMINATORS,
    FrameDecoder,
    FramingConfig,
    Rejection,
    Scan,
    split_symbology,
    symbology_name,
)

CODES = ["XF-KIOSK-01", "XF-VC-03", "WB1|WO|WO-2026-0001|" + "ab" * 32, "设备 甲-01"]


def feed_all(decoder: FrameDecoder, chunks: list[bytes], *, step: float = 0.001) -> list[Scan]:
    scans: list[Scan] = []
    now = 0.0
    for chunk in chunks:
        scans += decoder.feed(chunk, now)
        now += step
    return scans


def codes(scans: list[Scan]) -> list[str]:
    return [s.code for s in scans]


@pytest.mark.parametrize("terminator", TERMINATORS)
def test_each_terminator(terminator: str) -> None:
    config = FramingConfig(terminator=terminator)  # type: ignore[arg-type]
    stream = b"".join(config.frame(c) for c in CODES)
    assert codes(feed_all(FrameDecoder(config), [stream])) == CODES


def test_crlf_split_between_reads() -> None:
    decoder = FrameDecoder(FramingConfig(terminator="crlf"))
    assert decoder.feed(b"XF-KIOSK-01\r", 0.0) == []
    assert codes(decoder.feed(b"\nXF-VC-03\r", 0.01)) == ["XF-KIOSK-01"]
    assert codes(decoder.feed(b"\n", 0.02)) == ["XF-VC-03"]


def test_cr_terminator_tolerates_crlf_from_the_scanner() -> None:
    decoder = FrameDecoder(FramingConfig(terminator="cr"))
    assert codes(decoder.feed(b"A-1\r\nB-2\r\n", 0.0)) == ["A-1", "B-2"]


def test_prefix_suffix_and_aim() -> None:
    config = FramingConfig(prefix="#", suffix="$", terminator="lf")
    decoder = FrameDecoder(config)
    scans = decoder.feed(b"#]C1XF-KIOSK-01$\n#XF-VC-03$\n]Q1#XF-BOX-02$\n", 0.0)
    assert [(s.code, s.symbology) for s in scans] == [
        ("XF-KIOSK-01", "]C1"),
        ("XF-VC-03", None),
        ("XF-BOX-02", "]Q1"),
    ]
    assert scans[0].raw == b"#]C1XF-KIOSK-01$"


def test_aim_recognition_can_be_switched_off() -> None:
    decoder = FrameDecoder(FramingConfig(aim=False))
    assert [(s.code, s.symbology) for s in decoder.feed(b"]E0123\r", 0.0)] == [("]E0123", None)]


def test_split_symbology_and_names() -> None:
    assert split_symbology("]E04006381333931") == ("]E0", "4006381333931")
    assert split_symbology("]d2ABC") == ("]d2", "ABC")
    assert split_symbology("]C") == (None, "]C")
    assert split_symbology("ABC") == (None, "ABC")
    assert symbology_name("]Q1") == "QR Code"
    assert symbology_name(None) == ""


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_chinese_payloads(encoding: str) -> None:
    config = FramingConfig(encoding=encoding)  # type: ignore[arg-type]
    text = "北京市信访办公室 信访自助一体机"
    assert codes(FrameDecoder(config).feed(config.frame(text, "]Q1"), 0.0)) == [text]


def test_gbk_bytes_are_rejected_when_utf8_is_configured(caplog: pytest.LogCaptureFixture) -> None:
    rejected: list[Rejection] = []
    decoder = FrameDecoder(FramingConfig(encoding="utf-8"), on_reject=rejected.append)
    with caplog.at_level(logging.WARNING, logger="workbench.devices"):
        assert decoder.feed("设备".encode("gbk") + b"\r", 0.0) == []
    assert rejected[0].reason == "not valid utf-8"
    assert "not valid utf-8" in caplog.text
    # after a quiet moment the next good frame is taken
    assert codes(decoder.feed(b"XF-KIOSK-01\r", 1.0)) == ["XF-KIOSK-01"]


def test_control_characters_rejected() -> None:
    rejected: list[Rejection] = []
    decoder = FrameDecoder(FramingConfig(), on_reject=rejected.append)
    assert decoder.feed(b"AB\x1bC\r", 0.0) == []
    assert "U+001B" in rejected[0].reason


def test_partial_code_dropped_after_timeout() -> None:
    decoder = FrameDecoder(FramingConfig(timeout=0.2))
    assert decoder.feed(b"XF-KIO", 0.0) == []
    assert decoder.poll(0.1) == []
    assert decoder.pending
    assert decoder.poll(0.25) == []
    assert not decoder.pending
    assert codes(decoder.feed(b"XF-VC-03\r", 0.3)) == ["XF-VC-03"]


def test_partial_code_timed_out_by_the_next_read() -> None:
    """Without a poll in between, the late bytes start a new frame."""
    decoder = FrameDecoder(FramingConfig(timeout=0.2))
    decoder.feed(b"XF-KIO", 0.0)
    assert codes(decoder.feed(b"XF-VC-03\r", 0.5)) == ["XF-VC-03"]


def test_bytes_buffered_while_the_reader_was_busy_continue_the_frame() -> None:
    """A stalled reader is not a silent line: buffered bytes join the open frame."""
    decoder = FrameDecoder(FramingConfig(timeout=0.2))
    assert decoder.feed_events(b"X", 0.0) == []
    events = decoder.feed_events(b"F-KIOSK-99\r", 0.9, buffered=True)
    assert codes([e for e in events if isinstance(e, Scan)]) == ["XF-KIOSK-99"]
    assert len(events) == 1
    # the timeout still runs from the buffered bytes on
    decoder.feed_events(b"XF-VC", 1.0, buffered=True)
    assert decoder.poll(1.3) == [] and not decoder.pending


def test_partial_code_flushed_in_flush_mode() -> None:
    decoder = FrameDecoder(FramingConfig(timeout=0.2, timeout_mode="flush"))
    assert decoder.feed(b"XF-KIOSK-01", 0.0) == []
    assert codes(decoder.poll(0.3)) == ["XF-KIOSK-01"]
    assert decoder.poll(1.0) == []


def test_maximum_length() -> None:
    rejected: list[Rejection] = []
    decoder = FrameDecoder(FramingConfig(max_length=16), on_reject=rejected.append)
    assert decoder.feed(b"A" * 40 + b"\r", 0.0) == []
    assert rejected[0].reason == "longer than 16 bytes"
    assert codes(decoder.feed(b"A" * 16 + b"\r", 1.0)) == ["A" * 16]


@pytest.mark.parametrize("terminator", TERMINATORS)
def test_a_code_of_exactly_the_maximum_length_is_decoded(terminator: str) -> None:
    """The terminator never counts towards the limit (crlf's CR used to: 16 was refused)."""
    config = FramingConfig(terminator=terminator, max_length=16)  # type: ignore[arg-type]
    rejected: list[Rejection] = []
    decoder = FrameDecoder(config, on_reject=rejected.append)
    assert codes(decoder.feed(config.frame("A" * 16), 0.0)) == ["A" * 16]
    assert rejected == []
    assert decoder.feed(config.frame("B" * 17), 1.0) == []
    assert [r.reason for r in rejected] == ["longer than 16 bytes"]
    assert codes(decoder.feed(config.frame("C" * 16), 2.0)) == ["C" * 16]


@pytest.mark.parametrize("terminator", TERMINATORS)
def test_scan_right_after_an_over_long_frame_is_decoded(terminator: str) -> None:
    """No pause between an over-long frame and the next scan: only the long one is lost."""
    config = FramingConfig(terminator=terminator, max_length=16)  # type: ignore[arg-type]
    rejected: list[Rejection] = []
    decoder = FrameDecoder(config, on_reject=rejected.append)
    stream = config.frame("A" * 40) + config.frame("XF-KIOSK-01") + config.frame("XF-VC-03")
    assert codes(feed_all(decoder, [stream[i : i + 7] for i in range(0, len(stream), 7)])) == [
        "XF-KIOSK-01",
        "XF-VC-03",
    ]
    assert [r.reason for r in rejected] == ["longer than 16 bytes"]


def test_etx_over_long_frame_ended_by_the_next_stx() -> None:
    """An over-long STX frame whose ETX never came: the next STX opens the next scan."""
    decoder = FrameDecoder(FramingConfig(terminator="etx", max_length=16))
    assert codes(decoder.feed(b"\x02" + b"A" * 40 + b"\x02XF-VC-03\x03", 0.0)) == ["XF-VC-03"]


def test_over_long_frame_without_terminator_ends_with_the_silence() -> None:
    decoder = FrameDecoder(FramingConfig(max_length=16, timeout=0.2))
    assert decoder.feed(b"A" * 40, 0.0) == []
    assert decoder.deadline == pytest.approx(0.2)
    assert decoder.poll(0.3) == []
    assert codes(decoder.feed(b"XF-VC-03\r", 0.4)) == ["XF-VC-03"]


def test_etx_framing_ignores_bytes_outside_frames_until_quiet() -> None:
    config = FramingConfig(terminator="etx")
    decoder = FrameDecoder(config)
    assert codes(decoder.feed(b"\x02XF-KIOSK-01\x03\r\n", 0.0)) == ["XF-KIOSK-01"]
    assert decoder.feed(b"junk\x02XF-VC-03\x03", 0.01) == []
    assert codes(decoder.feed(b"\x02XF-VC-03\x03", 1.0)) == ["XF-VC-03"]


@pytest.mark.parametrize("terminator", TERMINATORS)
@pytest.mark.parametrize("seed", range(5))
def test_noise_burst_gives_nothing_and_next_scan_arrives(terminator: str, seed: int) -> None:
    config = FramingConfig(terminator=terminator)  # type: ignore[arg-type]
    decoder = FrameDecoder(config)
    noise = random.Random(seed).randbytes(10_000)
    scans = codes(decoder.feed(config.frame("XF-KIOSK-01"), 0.0))
    # the noise arrives in pieces, as a read loop would see it
    t = 0.5
    for i in range(0, len(noise), 97):
        scans += codes(decoder.feed(noise[i : i + 97], t))
        t += 0.001
    scans += codes(decoder.poll(t + 0.3))
    scans += codes(decoder.feed(config.frame("XF-VC-03"), t + 0.5))
    assert scans == ["XF-KIOSK-01", "XF-VC-03"]


# -- properties ---------------------------------------------------------------------

CODE_ALPHABET = st.sampled_from(
    list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_./|:#()")
    + list("设备编号信访办公室北京市一体机终端")
)
CODE_TEXT = st.text(CODE_ALPHABET, min_size=1, max_size=40)


def chunked(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    pieces, start = [], 0
    for p in points:
        pieces.append(data[start:p])
        start = p
    pieces.append(data[start:])
    return pieces


@settings(max_examples=300, deadline=None)
@given(
    data=st.binary(max_size=3000),
    cuts=st.lists(st.integers(min_value=0, max_value=3000), max_size=20),
    terminator=st.sampled_from(TERMINATORS),
    encoding=st.sampled_from(ENCODINGS),
    mode=st.sampled_from(["drop", "flush"]),
    gaps=st.lists(st.floats(min_value=0, max_value=1), min_size=1, max_size=20),
)
def test_no_byte_stream_ever_raises(
    *, data: bytes, cuts: list[int], terminator: str, encoding: str, mode: str, gaps: list[float]
) -> None:
    config = FramingConfig(
        terminator=terminator,  # type: ignore[arg-type]
        encoding=encoding,  # type: ignore[arg-type]
        timeout_mode=mode,  # type: ignore[arg-type]
        max_length=64,
        prefix="#",
        suffix="$",
    )
    decoder = FrameDecoder(config)
    now = 0.0
    for i, piece in enumerate(chunked(data, cuts)):
        for scan in decoder.feed(piece, now):
            assert scan.code == scan.code.strip() != ""
            assert all(unicodedata.category(c)[0] != "C" for c in scan.code)
            assert len(scan.raw) <= 64
        now += gaps[i % len(gaps)]
        decoder.poll(now)


@settings(max_examples=300, deadline=None)
@given(
    texts=st.lists(CODE_TEXT, min_size=1, max_size=8),
    symbologies=st.lists(st.sampled_from([None, "]C1", "]Q1", "]E0", "]d2"]), min_size=1),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=30),
    terminator=st.sampled_from(TERMINATORS),
    encoding=st.sampled_from(ENCODINGS),
    affixes=st.sampled_from([("", ""), ("#", ""), ("", "$"), ("@@", "%%")]),
)
def test_every_framed_code_comes_out_once_whatever_the_chunking(
    *,
    texts: list[str],
    symbologies: list[str | None],
    cuts: list[int],
    terminator: str,
    encoding: str,
    affixes: tuple[str, str],
) -> None:
    prefix, suffix = affixes
    config = FramingConfig(
        terminator=terminator,  # type: ignore[arg-type]
        encoding=encoding,  # type: ignore[arg-type]
        prefix=prefix,
        suffix=suffix,
    )
    # codes as a scanner reads them: no surrounding space, not ending in the suffix
    wanted = [
        (t.strip(), symbologies[i % len(symbologies)])
        for i, t in enumerate(texts)
        if t.strip() and not (suffix and t.strip().endswith(suffix))
    ]
    stream = b"".join(config.frame(code, sym) for code, sym in wanted)
    scans = feed_all(FrameDecoder(config), chunked(stream, cuts))
    assert [(s.code, s.symbology) for s in scans] == wanted


@settings(max_examples=200, deadline=None)
@given(
    noise=st.binary(min_size=65, max_size=600),
    texts=st.lists(CODE_TEXT, min_size=1, max_size=4),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=20),
    terminator=st.sampled_from(TERMINATORS),
)
def test_codes_right_after_an_over_long_frame_all_come_out(
    *, noise: bytes, texts: list[str], cuts: list[int], terminator: str
) -> None:
    """Whatever an over-long frame holds (bar its terminator), the scans after it survive."""
    config = FramingConfig(terminator=terminator, max_length=64)  # type: ignore[arg-type]
    ends = {0x02, 0x03} if terminator == "etx" else {CR, LF, TAB}
    body = bytes(b for b in noise if b not in ends).ljust(65, b"x")
    long_frame = (b"\x02" + body + b"\x03") if terminator == "etx" else body + config.frame("")
    wanted = [t.strip() for t in texts if t.strip()]
    stream = long_frame + b"".join(config.frame(code) for code in wanted)
    assert codes(feed_all(FrameDecoder(config), chunked(stream, cuts))) == wanted
