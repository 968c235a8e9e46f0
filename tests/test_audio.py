"""The audio pipeline with real ffmpeg: uploads become references, speech becomes voice notes.

Every clip is made at run time from the session's espeak-ng speech; nothing binary is committed.
"""

from __future__ import annotations

import io
import json
import math
import struct
import subprocess
import wave
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from pydub import AudioSegment

from core import audio, process, reference_audio
from core.errors import (
    AudioTooShort,
    BadUpstreamAudio,
    FileTooLarge,
    NoSpeech,
    NotAudio,
    ResultTooLarge,
)

if TYPE_CHECKING:
    from tests.conftest import Clips

LIMIT = 20 * 1024 * 1024  # the default upload limit


def made(clips: Clips, name: str, *args: str) -> bytes:
    """`name` made by ffmpeg from `args` (inputs included), once per session."""
    path = clips.folder / name
    if not path.exists():
        subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-y", *args, str(path)], check=True)
    return path.read_bytes()


def video(clips: Clips) -> bytes:
    """An MP4 with a black picture and the speech as its sound track."""
    return made(
        clips,
        "audio-ref-video.mp4",
        "-f",
        "lavfi",
        "-i",
        "color=c=black:s=64x64:r=10",
        "-i",
        str(clips.speech_wav),
        "-shortest",
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
    )


def wav_shape(data: bytes) -> tuple[int, int, int, float]:
    """(rate, channels, sample width, seconds) of a WAV, read with the stdlib."""
    with wave.open(io.BytesIO(data)) as wav:
        rate = wav.getframerate()
        return rate, wav.getnchannels(), wav.getsampwidth(), wav.getnframes() / rate


def probe(data: bytes, clips: Clips, name: str) -> dict[str, Any]:
    """ffprobe's JSON view of `data`, written to a file in the session folder."""
    path = clips.folder / name
    path.write_bytes(data)
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-print_format",
            "json",
            "-show_format",
            "-show_streams",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    info: dict[str, Any] = json.loads(out)
    return info


def spoken_seconds(clips: Clips) -> float:
    return wav_shape(clips.wav)[3]


def tone_pcm(seconds: float, amplitude: int, rate: int = audio.VOICE_RATE) -> bytes:
    """A 440 Hz tone as 16-bit mono PCM."""
    count = int(seconds * rate)
    return struct.pack(
        f"<{count}h",
        *(round(amplitude * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count)),
    )


UPLOADS: dict[str, Callable[[Clips], bytes]] = {
    "ogg-opus-voice-note": lambda c: c.ogg,
    "mp3": lambda c: c.mp3,
    "wav": lambda c: c.wav,
    "m4a-aac": lambda c: c.read("audio-ref.m4a", "-c:a", "aac"),
    "webm-opus": lambda c: c.read("audio-ref.webm", "-c:a", "libopus"),
    "mp4-video": video,
}


# --- uploads become references ---------------------------------------------------------------


@pytest.mark.parametrize("kind", UPLOADS)
async def test_upload_in_any_accepted_format_becomes_a_24khz_mono_reference(
    clips: Clips, kind: str
) -> None:
    reference = await reference_audio.prepare_reference(UPLOADS[kind](clips), max_bytes=LIMIT)

    rate, channels, width, seconds = wav_shape(reference.wav)
    assert (rate, channels, width) == (24_000, 1, 2)
    assert seconds == pytest.approx(reference.seconds, abs=0.01)
    assert seconds == pytest.approx(spoken_seconds(clips), abs=0.5)


async def test_silence_before_and_after_the_speech_is_trimmed(clips: Clips) -> None:
    padded = clips.read("audio-padded.wav", "-af", "adelay=3000:all=1,apad=pad_dur=3")
    assert wav_shape(padded)[3] == pytest.approx(spoken_seconds(clips) + 6, abs=0.2)

    reference = await reference_audio.prepare_reference(padded, max_bytes=LIMIT)

    assert reference.seconds == pytest.approx(spoken_seconds(clips), abs=0.6)
    assert wav_shape(reference.wav)[3] == pytest.approx(reference.seconds, abs=0.01)


async def test_a_ten_minute_recording_is_cut_to_at_most_thirty_seconds(clips: Clips) -> None:
    # MP3 at 8 kHz keeps the ten minutes small and quick to make
    long = made(
        clips,
        "audio-ten-minutes.mp3",
        "-stream_loop",
        "-1",
        "-i",
        str(clips.speech_wav),
        "-t",
        "600",
        "-ar",
        "8000",
        "-b:a",
        "16k",
    )
    assert float(probe(long, clips, "audio-ten-minutes-probe.mp3")["format"]["duration"]) > 590

    reference = await reference_audio.prepare_reference(long, max_bytes=LIMIT)

    assert 3.0 <= reference.seconds <= 30.0
    assert 3.0 <= wav_shape(reference.wav)[3] <= 30.0


async def test_a_one_second_clip_is_too_short(clips: Clips) -> None:
    one_second = clips.read("audio-one-second.wav", "-t", "1")

    with pytest.raises(AudioTooShort) as caught:
        await reference_audio.prepare_reference(one_second, max_bytes=LIMIT)

    assert caught.value.params["seconds"] < 3.0
    assert caught.value.params["minimum"] == 3.0


async def test_a_clip_of_pure_silence_has_no_speech(clips: Clips) -> None:
    silence = made(
        clips,
        "audio-silence.ogg",
        "-f",
        "lavfi",
        "-i",
        "anullsrc=r=48000:cl=mono",
        "-t",
        "8",
        "-c:a",
        "libopus",
    )

    with pytest.raises(NoSpeech):
        await reference_audio.prepare_reference(silence, max_bytes=LIMIT)


NOT_AUDIO: dict[str, Callable[[Clips], bytes]] = {
    "empty": lambda c: b"",
    "text-file": lambda c: b"Hello, this is a shopping list.\nmilk\neggs\n" * 50,
    "png-image": lambda c: made(
        c, "audio-picture.png", "-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1"
    ),
    "truncated-ogg": lambda c: c.ogg[:200],
    "garbled-ogg": lambda c: c.ogg[:1000] + bytes(range(256)) * 8 + c.ogg[3048:],
}


@pytest.mark.parametrize("kind", NOT_AUDIO)
async def test_files_that_are_not_audio_are_refused(clips: Clips, kind: str) -> None:
    with pytest.raises(NotAudio):
        await reference_audio.prepare_reference(NOT_AUDIO[kind](clips), max_bytes=LIMIT)


async def test_a_forty_megabyte_upload_is_refused_before_decoding() -> None:
    # garbage would be NotAudio if it were decoded: FileTooLarge proves the size came first
    with pytest.raises(FileTooLarge) as caught:
        await reference_audio.prepare_reference(
            b"\x00garbage" * (5 * 1024 * 1024), max_bytes=LIMIT
        )

    assert caught.value.params["limit_mb"] == 20


async def test_a_real_clip_one_byte_over_the_limit_is_too_large(clips: Clips) -> None:
    with pytest.raises(FileTooLarge):
        await reference_audio.prepare_reference(clips.ogg, max_bytes=len(clips.ogg) - 1)


async def test_a_very_quiet_recording_comes_out_louder(clips: Clips) -> None:
    quiet = clips.read("audio-quiet.wav", "-af", "volume=0.05")

    reference = await reference_audio.prepare_reference(quiet, max_bytes=LIMIT)

    before = AudioSegment.from_wav(io.BytesIO(quiet))
    after = AudioSegment.from_wav(io.BytesIO(reference.wav))
    assert after.rms > 5 * before.rms
    assert after.dBFS == pytest.approx(reference_audio.TARGET_DBFS, abs=3)
    assert after.max_dBFS < -0.5


async def test_a_clipping_recording_is_brought_below_full_scale(clips: Clips) -> None:
    loud = clips.read("audio-loud.wav", "-af", "volume=8")
    assert AudioSegment.from_wav(io.BytesIO(loud)).max_dBFS > -0.1

    reference = await reference_audio.prepare_reference(loud, max_bytes=LIMIT)

    assert AudioSegment.from_wav(io.BytesIO(reference.wav)).max_dBFS < -0.5


# --- speech becomes a voice note -------------------------------------------------------------


# Whatever the speech service sends: its header is barely probed before decoding, so the
# frames decoded must say what the header did not.
UPSTREAM_AUDIO = {
    "wav": ("wav", "-ar", "24000"),
    "float-wav": ("wav", "-ar", "24000", "-c:a", "pcm_f32le"),
    "mp3": ("mp3", "-ar", "24000"),
    "stereo-44k-mp3": ("mp3", "-ar", "44100", "-ac", "2"),
    "vorbis": ("ogg", "-ar", "24000", "-c:a", "libvorbis"),
    "opus": ("ogg", "-ar", "24000", "-c:a", "libopus"),
    "flac": ("flac", "-ar", "24000"),
    "adts-aac": ("aac", "-ar", "24000"),
    "m4a": ("m4a", "-ar", "24000"),
}


def upstream_audio(clips: Clips, kind: str) -> bytes:
    """The test speech as the speech service might send it (`UPSTREAM_AUDIO`)."""
    extension, *made_with = UPSTREAM_AUDIO[kind]
    return clips.read(f"audio-upstream-{kind}.{extension}", *made_with)


@pytest.mark.parametrize("kind", UPSTREAM_AUDIO)
async def test_speech_is_encoded_as_a_48khz_mono_opus_voice_note(clips: Clips, kind: str) -> None:
    upstream = upstream_audio(clips, kind)

    voice = await audio.encode_voice(upstream)

    info = probe(voice.ogg, clips, f"audio-voice-note-{kind}.ogg")
    (stream,) = info["streams"]
    assert info["format"]["format_name"] == "ogg"
    assert (stream["codec_name"], stream["sample_rate"], stream["channels"]) == (
        "opus",
        "48000",
        1,
    )
    assert float(info["format"]["duration"]) == pytest.approx(spoken_seconds(clips), abs=0.15)
    assert voice.seconds == pytest.approx(spoken_seconds(clips), abs=0.15)
    assert len(voice.waveform) == 256
    assert max(voice.waveform) == 255


def _streamed(wav: bytes) -> bytes:
    """The WAV as a streaming server sends it: its sizes unknown when the header went out."""
    at = wav.index(b"data")
    unknown = struct.pack("<I", 0xFFFFFFFF)
    return wav[:4] + unknown + wav[8:at] + b"data" + unknown + wav[at + 8 :]


def _cut_off(wav: bytes) -> tuple[bytes, float]:
    """The first half of the WAV's samples, its header claiming them all; and their length."""
    samples_at = wav.index(b"data") + 8
    held = (len(wav) - samples_at) // 2
    return wav[: samples_at + held], held // 2 / 24_000


@pytest.mark.parametrize(
    "kind",
    ["wav", "float wav", "streamed wav", "wav with a chunk after its samples", "mp3", "ogg"],
)
async def test_the_length_of_generated_audio_is_what_it_holds(clips: Clips, kind: str) -> None:
    wav = clips.read("audio-three-seconds.wav", "-t", "3", "-ar", "24000", "-ac", "1")
    made = {
        "wav": lambda: wav,
        "float wav": lambda: clips.read(
            "audio-three-seconds-float.wav", "-t", "3", "-ar", "24000", "-c:a", "pcm_f32le"
        ),
        "streamed wav": lambda: _streamed(wav),
        "wav with a chunk after its samples": lambda: (
            wav + b"LIST" + struct.pack("<I", 4) + b"INFO"
        ),
        "mp3": lambda: clips.read("audio-three-seconds.mp3", "-t", "3", "-ar", "24000"),
        "ogg": lambda: clips.read("audio-three-seconds.ogg", "-t", "3", "-c:a", "libopus"),
    }[kind]()
    exact = "wav" in kind  # (compressed audio comes in frames, of up to 48 ms in MP3)
    assert await audio.speech_seconds(made) == pytest.approx(3.0, abs=1e-9 if exact else 0.05)


@pytest.mark.parametrize("kind", UPSTREAM_AUDIO)
async def test_the_length_of_speech_in_any_container_is_what_it_holds(
    clips: Clips, kind: str
) -> None:
    """The self-check's first look, whatever the speech service sends (AAC's and MP3's frames
    carry some padding: a tenth of a second at most)."""
    upstream = upstream_audio(clips, kind)
    assert await audio.speech_seconds(upstream) == pytest.approx(spoken_seconds(clips), abs=0.1)
    # a WAV of whole frames is measured from its samples, without demuxing; the rest demuxed
    from_samples = audio._pcm_wav_seconds(upstream)
    if kind.endswith("wav"):
        assert from_samples == pytest.approx(spoken_seconds(clips), abs=0.001)
    else:
        assert from_samples is None


@pytest.mark.parametrize("kind", UPSTREAM_AUDIO)
async def test_a_take_in_any_container_is_heard_as_a_16khz_mono_wav_of_its_length(
    clips: Clips, kind: str
) -> None:
    """What the self-check sends the transcriber of a take in doubt, decoded in a helper
    process like an encode (as the core runs) rather than by an ffmpeg program."""
    upstream = upstream_audio(clips, kind)
    async with process.helpers():
        heard = await audio.speech_wav(upstream)
        with pytest.raises(ResultTooLarge):
            await audio.speech_wav(upstream, limit_s=0.5)
        for name, unusable in UNUSABLE.items():
            if name != "a-blip-under-0.1s":  # (a blip is heard, as short as it is)
                with pytest.raises(BadUpstreamAudio):
                    await audio.speech_wav(unusable(clips))
    rate, channels, width, seconds = wav_shape(heard)
    assert (rate, channels, width) == (16_000, 1, 2)
    assert seconds == pytest.approx(spoken_seconds(clips), abs=0.1)


async def test_a_wav_cut_off_is_as_long_as_the_samples_it_holds(clips: Clips) -> None:
    wav = clips.read("audio-three-seconds.wav", "-t", "3", "-ar", "24000", "-ac", "1")
    cut, held_s = _cut_off(wav)
    assert await audio.speech_seconds(cut) == pytest.approx(held_s) == pytest.approx(1.5, abs=0.01)


UNUSABLE: dict[str, Callable[[Clips], bytes]] = {
    "empty": lambda c: b"",
    "html-error-page": lambda c: b"<html><body>502 Bad Gateway</body></html>",
    "truncated-ogg": lambda c: c.ogg[:200],
    "a-blip-under-0.1s": lambda c: c.read("audio-blip.wav", "-t", "0.05"),
}


@pytest.mark.parametrize("kind", UNUSABLE)
async def test_unusable_audio_from_the_speech_service_is_bad_upstream_audio(
    clips: Clips, kind: str
) -> None:
    with pytest.raises(BadUpstreamAudio):
        await audio.encode_voice(UNUSABLE[kind](clips))


async def test_encoded_in_a_helper_process_a_voice_note_and_its_refusals_are_the_same(
    clips: Clips,
) -> None:
    upstream = clips.read("audio-upstream-24k.wav", "-ar", "24000")
    in_a_thread = await audio.encode_voice(upstream, disclosure="a test")

    async with process.helpers():  # as the core encodes while it runs
        in_a_helper = await audio.encode_voice(upstream, disclosure="a test")
        for unusable in UNUSABLE.values():
            with pytest.raises(BadUpstreamAudio):
                await audio.encode_voice(unusable(clips))
        with pytest.raises(ResultTooLarge):
            await audio.encode_voice(upstream, limit_s=0.5)
        again = await audio.encode_voice(upstream, disclosure="a test")  # the helper goes on

    assert (in_a_helper.seconds, in_a_helper.waveform) == (
        in_a_thread.seconds,
        in_a_thread.waveform,
    )
    assert in_a_helper.ogg.startswith(b"OggS") and again.waveform == in_a_thread.waveform


def test_waveform_follows_the_loudness_of_the_speech() -> None:
    pcm = tone_pcm(1.0, 0) + tone_pcm(1.0, 3000) + tone_pcm(1.0, 12000)

    points = audio.waveform(pcm)

    assert len(points) == 256
    assert set(points[:80]) == {0}
    assert 50 < points[128] < 80  # a quarter of the loudest part's level
    assert min(points[-80:]) > 240  # buckets cut the tone at different phases
    assert max(points) == 255


def test_waveform_of_silence_or_a_tiny_clip_is_flat_not_an_error() -> None:
    assert audio.waveform(tone_pcm(2.0, 0)) == bytes(256)
    assert audio.waveform(b"\x10\x00" * 10) == bytes([255] * 10 + [0] * 246)
