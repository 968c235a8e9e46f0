"""The result download: only from the hosts results come from, never from a private address,
redirects checked hop by hop, the body capped as it streams, all within the generation
deadline; and the audio it brings decoded no longer than the bot would ever send."""

from __future__ import annotations

import logging
import subprocess
import tracemalloc
from collections.abc import Callable
from urllib.parse import quote

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from core.app import Core, open_core
from core.domain import Where
from core.errors import ConfigError, ResultRefused, ResultTooLarge, UpstreamTimeout
from core.messages import error_text
from core.settings import Settings, load_settings
from core.storage.tables import job_tasks, jobs
from core.upstream.results import ResultRules
from tests.conftest import Clips, Sleeps
from tests.fakes.ai302 import Fake302

MB = 1024 * 1024
SECRET = "s3cr3t-signature"  # in a result URL's query: never to be logged


async def register_bob(speech: Core, where: Where, clips: Clips) -> None:
    await speech.voices.register(where, "Bob", clips.ogg, transcript="The quick brown fox.")


async def job_outcomes(settings: Settings) -> tuple[list[tuple[str, str | None]], int]:
    """Each job's (state, error key), and how many upstream tasks are left to wait for."""
    db = create_async_engine(settings.db_url)
    async with db.connect() as conn:
        rows = (await conn.execute(select(jobs.c.state, jobs.c.error))).all()
        tasks = (await conn.execute(select(job_tasks))).all()
    await db.dispose()
    return [(row.state, row.error) for row in rows], len(tasks)


def as_localhost(fake302: Fake302, path: str) -> str:
    """The fake, by another name for the same loopback address."""
    return fake302.base_url.replace("127.0.0.1", "localhost") + path


def redirected(fake302: Fake302, to: str) -> str:
    return f"{fake302.base_url}/redirect?to={quote(to, safe='')}&signature={SECRET}"


TARGETS: dict[str, Callable[[Fake302, str], str]] = {
    "another name for loopback": lambda fake, task: as_localhost(
        fake, f"/audio/{task}.wav?sig={SECRET}"
    ),
    "the cloud metadata address": lambda fake, task: "http://169.254.169.254/latest/meta-data/",
    "a private address": lambda fake, task: f"http://10.0.0.7/{task}.wav",
    "a local file": lambda fake, task: "file:///etc/passwd",
}


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.fault(
    "upstream: result redirected off the allowed hosts", "refused unfetched; a clear message"
)
async def test_a_result_redirected_off_the_allowed_hosts_is_refused_and_never_fetched(
    speech: Core,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    higgs_settings: Settings,
    caplog: pytest.LogCaptureFixture,
    target: str,
) -> None:
    caplog.set_level(logging.DEBUG, logger="core")
    await register_bob(speech, alice, clips)
    fake302.behaviour.result_url = lambda task: redirected(fake302, TARGETS[target](fake302, task))
    with pytest.raises(ResultRefused) as caught:
        await speech.speaking.say(alice, "bob", "Hello")
    assert "don't download from" in error_text(caught.value, "en")
    assert "不在允许下载的范围内" in error_text(caught.value, "zh-CN")
    assert len(fake302.calls("redirect")) == 1 and not fake302.calls("download")
    assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]
    assert await job_outcomes(higgs_settings) == ([("failed", "error_result_refused")], 0)
    ours = "".join(r.getMessage() for r in caplog.records if r.name.startswith("core"))
    assert "refused" in ours and SECRET not in ours + str(caught.value)


@pytest.mark.parametrize("via", ["directly", "through a redirect"])
@pytest.mark.fault(
    "upstream: result on an allowed name that resolves to loopback", "refused unfetched"
)
async def test_an_allowed_host_name_that_resolves_to_a_private_address_is_refused(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, via: str
) -> None:
    settings = higgs_settings.model_copy(update={"result_hosts": "localhost"})

    def url(task: str) -> str:
        local = as_localhost(fake302, f"/audio/{task}.wav")
        return local if via == "directly" else redirected(fake302, local)

    fake302.behaviour.result_url = url
    async with open_core(settings) as speech:
        await register_bob(speech, alice, clips)
        with pytest.raises(ResultRefused):
            await speech.speaking.say(alice, "bob", "Hello")
        assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]
    assert not fake302.calls("download")
    assert await job_outcomes(settings) == ([("failed", "error_result_refused")], 0)


async def test_a_redirect_within_the_upstream_is_followed(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.behaviour.result_url = lambda task: redirected(
        fake302, f"{fake302.base_url}/audio/{task}.wav"
    )
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert 1.9 < clip.seconds < 2.1
    assert (len(fake302.calls("redirect")), len(fake302.calls("download"))) == (1, 1)


@pytest.mark.fault("upstream: result behind a chain of redirects", "refused after 3 hops")
async def test_a_result_behind_more_than_three_redirects_is_refused(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)

    def url(task: str) -> str:
        hop = f"{fake302.base_url}/audio/{task}.wav"
        for _ in range(5):
            hop = redirected(fake302, hop)
        return hop

    fake302.behaviour.result_url = url
    with pytest.raises(ResultRefused):
        await speech.speaking.say(alice, "bob", "Hello")
    assert len(fake302.calls("redirect")) == 4  # the first, and three followed
    assert not fake302.calls("download")


@pytest.mark.parametrize("declared", [False, True])
@pytest.mark.fault("upstream: a 400 MB result", "stopped at MAX_RESULT_MB; a clear message")
async def test_a_huge_result_is_stopped_at_the_cap_without_holding_it(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, declared: bool
) -> None:
    settings = higgs_settings.model_copy(update={"max_result_mb": 1})
    fake302.behaviour.result_url = lambda task: (
        f"{fake302.base_url}/huge/{task}?size={400 * MB}&declare={int(declared)}"
    )
    async with open_core(settings) as speech:
        await register_bob(speech, alice, clips)
        tracemalloc.start()
        try:
            with pytest.raises(ResultTooLarge) as caught:
                await speech.speaking.say(alice, "bob", "Hello")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]
    assert "far more audio" in error_text(caught.value)
    assert error_text(caught.value, "zh")
    (sent,) = fake302.sent.values()
    # what left the fake before the bot hung up: the cap, and what socket buffers hold
    assert sent < (1 if declared else 2) * MB + 16 * MB
    assert peak < 8 * MB  # never much more than the cap held, of a 400 MB body
    assert len(fake302.calls("huge")) == 1  # not asked for again
    assert await job_outcomes(settings) == ([("failed", "error_result_too_large")], 0)


@pytest.mark.fault("upstream: a result body that trickles forever", "ends at the deadline")
async def test_a_trickling_result_ends_at_the_generation_deadline(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    # polling is instant (an injected sleep): the whole deadline is left for the download,
    # whose every read comes well within HTTP_TIMEOUT_S
    settings = higgs_settings.model_copy(update={"generation_deadline_s": 0.5})
    fake302.behaviour.result_url = lambda task: f"{fake302.base_url}/trickle/{task}"
    async with open_core(settings, sleep=sleeps) as speech:
        await register_bob(speech, alice, clips)
        with pytest.raises(UpstreamTimeout) as caught:
            await speech.speaking.say(alice, "bob", "Hello")
        assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]
    assert "too long" in error_text(caught.value)
    assert len(fake302.calls("trickle")) == 1
    assert await job_outcomes(settings) == ([("failed", "error_upstream_timeout")], 0)


def minute_of_mp3() -> bytes:
    """A 220 Hz tone, 60 s of it, as 32 kb/s MP3."""
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=220:duration=60"]
        + ["-b:a", "32k", "-f", "mp3", "pipe:1"],
        capture_output=True,
        check=True,
    ).stdout


@pytest.mark.fault(
    "upstream: small compressed audio that decodes for too long", "decoding stopped; told so"
)
async def test_audio_decoding_past_the_longest_the_bot_makes_is_refused(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    # 0.5 MB of WAV holds 10.9 s: a minute of 32 kb/s MP3 (240 kB) fits the download cap,
    # and decodes to far longer than anything this bot would send
    settings = higgs_settings.model_copy(update={"max_result_mb": 0.5, "max_voice_seconds": 10})
    fake302.behaviour.audio = minute_of_mp3()
    assert len(fake302.behaviour.audio) < settings.max_result_bytes
    async with open_core(settings) as speech:
        await register_bob(speech, alice, clips)
        with pytest.raises(ResultTooLarge) as caught:
            await speech.speaking.say(alice, "bob", "Hello")
    assert "far more audio" in error_text(caught.value)
    outcomes, _ = await job_outcomes(settings)  # (its task did finish upstream)
    assert outcomes == [("failed", "error_result_too_large")]


def test_the_default_caps_fit_the_longest_voice_message_as_higgs_sends_it() -> None:
    s = load_settings(_env_file=None)
    wav_s = 24_000 * 2  # bytes per second of 24 kHz 16-bit mono WAV
    assert s.max_result_bytes >= s.max_voice_seconds * wav_s + 44
    assert s.max_voice_seconds < s.longest_speech_s < 1.1 * s.max_voice_seconds
    assert s.result_host_names == ["file.302.ai", "file.302ai.cn", "file.302ai.com"]


def test_result_hosts_are_host_names_and_a_bad_one_is_named() -> None:
    s = load_settings(_env_file=None, result_hosts=" CDN.example.org, .files.example ,")
    assert s.result_host_names == ["cdn.example.org", ".files.example"]
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None, result_hosts="https://cdn.example.org/files")
    assert "RESULT_HOSTS" in str(caught.value)


def test_results_come_from_the_upstream_and_the_hosts_named() -> None:
    rules = ResultRules.of(
        upstream=["https://api.302.ai", "http://127.0.0.1:8080/task"], hosts=[".cdn.example"]
    )
    assert rules.allows("api.302.ai") and rules.allows("a.cdn.example")
    assert not rules.allows("evilcdn.example") and not rules.allows("file.302.ai")
    assert rules.upstream == {("api.302.ai", 443), ("127.0.0.1", 8080)}
