"""Recordings made on the spot: the demo site and the tests need real, playable files, and the
repository ships none (nor downloads any).

A recording is a WAV file (8 kHz, 8-bit mono, which every browser plays) that beeps once a
second, with a different pitch from each chapter's start, so seeking can be heard.
"""

from __future__ import annotations

import io
import math
import wave
from collections.abc import Sequence

RATE = 8000
# Pitches that divide the sample rate, so one period repeats exactly.
PITCHES = (400, 500, 320, 250, 640, 800)
BEEP_SECONDS = 0.15
AMPLITUDE = 24  # of 127: quiet


def _second(pitch: int) -> bytes:
    """One second: a short beep at `pitch`, then silence (unsigned 8-bit: 128 is silence)."""
    period = RATE // pitch
    wave_period = bytes(
        128 + round(AMPLITUDE * math.sin(2 * math.pi * n / period)) for n in range(period)
    )
    beep_samples = int(RATE * BEEP_SECONDS) // period * period
    beep = wave_period * (beep_samples // period)
    return beep + bytes([128]) * (RATE - len(beep))


def beeping_wav(seconds: int, chapter_starts: Sequence[int] = ()) -> bytes:
    """A WAV `seconds` long; the pitch changes at each of `chapter_starts` (seconds)."""
    starts = sorted({0, *(start for start in chapter_starts if 0 < start < seconds)})
    frames = bytearray()
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else seconds
        frames += _second(PITCHES[n % len(PITCHES)]) * (end - start)
    out = io.BytesIO()
    with wave.open(out, "wb") as recording:
        recording.setnchannels(1)
        recording.setsampwidth(1)
        recording.setframerate(RATE)
        recording.writeframes(bytes(frames))
    return out.getvalue()
