"""Registering and speaking through the real service against the fake 302.AI."""

from __future__ import annotations

import json
import logging
import subprocess
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from pydantic import SecretStr
from sqlalchemy import select
from sqlalchemy.ext.asyncio import create_async_engine

from core.app import Core, open_core
from core.domain import Progress, Sampling, Where
from core.engines import HiggsEngine, SpeechRequest
from core.errors import (
    BadUpstreamAudio,
    InsufficientBalance,
    NoSpeech,
    ReferenceUnreachable,
    TaskFailed,
    UpstreamAuth,
    UpstreamError,
    UpstreamRateLimited,
    UpstreamRejected,
    UpstreamTimeout,
    UpstreamUnavailable,
)
from core.messages import error_text
from core.settings import Settings
from core.storage.tables import job_tasks, jobs
from core.upstream.api import Ai302
from core.upstream.higgs import HiggsClient, HiggsUrls
from tests.conftest import Clips, Sleeps, watched
from tests.fakes.ai302 import API_KEY, Fake302, Fault


async def register_bob(speech: Core, where: Where, clips: Clips) -> None:
    await speech.voices.register(where, "Bob", clips.ogg, transcript="  The quick brown fox.  ")


def probe(ogg: bytes) -> dict[str, object]:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-"],
        input=ogg,
        capture_output=True,
        check=True,
    ).stdout
    stream: dict[str, object] = json.loads(out)["streams"][0]
    return stream


async def test_register_then_say_sends_reference_and_posts_opus_voice(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    stages: list[str] = []

    async def progress(p: Progress) -> None:
        stages.append(p.stage)

    clip = await watched(
        lambda reply: speech.speaking.say(alice, "bob", "  Hello there, friend.  ", reply=reply),
        progress,
    )

    (upload,) = fake302.calls("upload")
    assert upload.files["file"][:4] == b"RIFF"
    (create,) = fake302.calls("clone_create")
    assert create.json["input_text"] == "Hello there, friend."
    assert create.json["ref_audio_text"] == ["The quick brown fox."]
    assert create.json["ref_audio_links"][0].startswith(f"{fake302.base_url}/files/")
    assert len(create.json["ref_audio_links"]) == len(create.json["ref_audio_text"])
    assert not fake302.calls("transcribe")  # the user gave the words
    stream = probe(clip.ogg)
    assert (stream["codec_name"], stream["sample_rate"], stream["channels"]) == (
        "opus",
        "48000",
        1,
    )
    assert 1.9 < clip.seconds < 2.1  # the fake's 2 s tone
    assert len(clip.waveform) == 256
    assert stages == ["preparing", "generating", "encoding"]
    job = await speech.jobs.get(alice, clip.job_id)
    task_id = fake302.calls("clone_query")[0].query["task_id"]
    assert (job.state, await speech.jobs.tasks(job.id)) == ("done", {"0": task_id})


async def test_register_without_words_stores_stripped_transcript(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    voice = await speech.voices.register(alice, "carol", clips.mp3)
    assert voice.transcript == "hello from the fake transcriber"
    (sent,) = fake302.calls("transcribe")
    assert sent.form["model"] == "whisper-1" and sent.files["file"][:4] == b"RIFF"
    assert "language" not in sent.form  # whatever language the clip is in: Whisper tells


async def test_every_302_call_carries_the_key_and_nothing_else_does(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await speech.voices.register(alice, "bob", clips.ogg)
    await speech.speaking.say(alice, "bob", "Hi")
    for request in fake302.requests:
        expected = None if request.endpoint == "download" else f"Bearer {API_KEY}"
        assert request.headers.get("Authorization") == expected, request.endpoint
        assert "/file/bot" not in json.dumps(request.json or {})


@pytest.mark.parametrize("shape", ["state", "status", "nested"])
async def test_polls_through_pending_in_every_response_shape(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302, shape: str
) -> None:
    fake302.behaviour.shape = shape  # type: ignore[assignment]
    fake302.behaviour.pending_polls = 3
    await register_bob(speech, alice, clips)
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert clip.seconds > 1
    assert len(fake302.calls("clone_query")) == 4


@pytest.mark.fault("upstream: task FAILURE", "a clear message; the voice is kept")
async def test_failed_task_is_a_clear_error_and_the_voice_stays(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    fake302.behaviour.final_state = "FAILURE"
    await register_bob(speech, alice, clips)
    with pytest.raises(TaskFailed) as caught:
        await speech.speaking.say(alice, "bob", "Hello")
    assert "try again" in error_text(caught.value, "en")
    assert "重试" in error_text(caught.value, "zh-CN")
    assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]
    assert len(fake302.calls("clone_create")) == 1


async def test_job_row_records_failure(
    speech: Core,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    higgs_settings: Settings,
) -> None:
    fake302.behaviour.final_state = "FAILED"
    await register_bob(speech, alice, clips)
    with pytest.raises(TaskFailed):
        await speech.speaking.say(alice, "bob", "Hello")
    db = create_async_engine(higgs_settings.db_url)
    async with db.connect() as conn:
        rows = (await conn.execute(select(jobs))).all()
        tasks = (await conn.execute(select(job_tasks))).all()
    await db.dispose()
    assert [(r.state, r.error) for r in rows] == [("failed", "error_task_failed")]
    assert len(fake302.calls("clone_create")) == 1  # its task ran, and failed upstream
    assert tasks == []  # nothing of it is left to wait for again


@pytest.mark.fault("upstream: 429 with Retry-After on a query", "waits as told, then delivers")
async def test_query_429_waits_retry_after_then_succeeds(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_query", Fault.error(429, -10007, retry_after="7"))
    await speech.speaking.say(alice, "bob", "Hello")
    assert 7.0 in sleeps.asked


@pytest.mark.fault("upstream: 5xx burst, malformed JSON on a query", "retried, then delivers")
async def test_query_5xx_and_malformed_json_are_retried(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_query", Fault(502), Fault(200, "{not json"), Fault(503))
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert clip.seconds > 1
    assert len(fake302.calls("clone_query")) == 4
    assert len(fake302.calls("clone_create")) == 1


@pytest.mark.fault("upstream: 5xx on a create", "never created twice; a clear message")
async def test_billable_create_is_never_retried_after_reaching_the_server(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_create", Fault(503))
    with pytest.raises(UpstreamUnavailable):
        await speech.speaking.say(alice, "bob", "Hello")
    assert len(fake302.calls("clone_create")) == 1


@pytest.mark.fault("upstream: 429 on a create", "refused, so nothing made: waited out, retried")
async def test_a_create_refused_for_the_rate_is_retried_after_retry_after(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_create", Fault(429, {}, {"Retry-After": "1"}))
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert clip is not None and clip.seconds > 1
    assert 1.0 in sleeps.asked
    assert len(fake302.calls("clone_create")) == 2
    fake302.fail("clone_create", *[Fault.error(429, -10006)] * 4)  # past the retries: busy
    with pytest.raises(UpstreamRateLimited):
        await speech.speaking.say(alice, "bob", "Hello")


@pytest.mark.fault("upstream: connect error on a create", "retried (nothing was billed)")
async def test_create_retried_when_the_server_was_never_reached(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    closed = "http://127.0.0.1:9"  # discard port: nothing listens, the connect is refused
    settings = higgs_settings.model_copy(update={"higgs_clone_create_url": f"{closed}/task"})
    async with open_core(settings, sleep=sleeps) as speech:
        await register_bob(speech, alice, clips)
        with pytest.raises(UpstreamUnavailable):
            await speech.speaking.say(alice, "bob", "Hello")
    assert len(sleeps.asked) == settings.http_retries
    assert not fake302.calls("clone_create")


@pytest.mark.parametrize(
    ("fault", "error", "words"),
    [
        (Fault.error(401, -10001), UpstreamAuth, "API key"),
        (Fault.error(402, -10004), InsufficientBalance, "balance"),
        (Fault.error(429, -10006), UpstreamRateLimited, "busy"),
        (Fault.error(429, -10018), UpstreamRateLimited, "busy"),
        (Fault.error(400, -10003), UpstreamRejected, "could not use"),
        (Fault.error(413, -10017), UpstreamRejected, "could not use"),
        (Fault.error(503, -10008), UpstreamUnavailable, "not reachable"),
        (Fault.error(504, -10504), UpstreamTimeout, "too long"),
        (Fault(500, "<html>oops</html>"), UpstreamUnavailable, "not reachable"),
        (Fault.error(200, -10004), InsufficientBalance, "balance"),
    ],
)
@pytest.mark.fault(
    "upstream: bad key, no balance, busy, rejected, 5xx, HTML", "one friendly sentence each"
)
async def test_302_errors_map_to_typed_errors_with_friendly_words(
    speech: Core,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    fault: Fault,
    error: type[UpstreamError],
    words: str,
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_create", *[fault] * 4)  # the same through every retry (a 429 has some)
    with pytest.raises(error) as caught:
        await speech.speaking.say(alice, "bob", "Hello")
    assert words in error_text(caught.value, "en")
    assert error_text(caught.value, "zh")
    assert [v.name for v in await speech.voices.usable(alice)] == ["Bob"]


@pytest.mark.fault("upstream: PENDING forever", "ends at the deadline with a clear message")
async def test_pending_forever_ends_at_the_deadline(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    fake302.behaviour.pending_polls = 10**9
    settings = higgs_settings.model_copy(update={"generation_deadline_s": 0.3})
    async with open_core(settings) as speech:
        await register_bob(speech, alice, clips)
        with pytest.raises(UpstreamTimeout) as caught:
            await speech.speaking.say(alice, "bob", "Hello")
    assert "too long" in error_text(caught.value)
    assert len(fake302.calls("clone_query")) >= 2


@pytest.mark.fault("upstream: reference URL unfetchable", "uploaded again, retried once")
async def test_unfetchable_reference_is_uploaded_again_and_retried_once(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    first_url = (await speech.voices.usable(alice))[0].hosted_url
    fake302.fail("clone_create", Fault.error(400, -10600, "ref audio could not be decoded"))
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert clip.seconds > 1
    assert len(fake302.calls("upload")) == 2
    creates = fake302.calls("clone_create")
    assert creates[0].json["ref_audio_links"] == [first_url]
    assert creates[1].json["ref_audio_links"] != [first_url]


async def test_task_failing_to_download_reference_triggers_reupload(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.behaviour.final_state = "FAILURE"
    fake302.behaviour.failure_message = "failed to download ref_audio_links[0]: 404"
    with pytest.raises(ReferenceUnreachable):
        await speech.speaking.say(alice, "bob", "Hello")
    assert len(fake302.calls("upload")) == 2  # re-hosted once, then it gave up
    assert len(fake302.calls("clone_create")) == 2


@pytest.mark.fault("upstream: transcription down", "voice saved; transcribed before first use")
async def test_transcription_down_still_saves_the_voice_and_transcribes_before_use(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    fake302.fail("transcribe", Fault(503))
    voice = await speech.voices.register(alice, "dave", clips.ogg)
    assert voice.transcript == ""
    assert not fake302.calls("upload")  # hosted once it has words
    await speech.speaking.say(alice, "dave", "Hello")
    assert fake302.calls("clone_create")[0].json["ref_audio_text"] == [
        "hello from the fake transcriber"
    ]


@pytest.mark.fault("upstream: upload-file down", "voice saved; uploaded before first use")
async def test_upload_down_still_saves_the_voice_and_uploads_before_use(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    fake302.fail("upload", Fault(502), Fault(502), Fault(502), Fault(502))
    voice = await speech.voices.register(alice, "erin", clips.ogg, transcript="words")
    assert voice.hosted_url is None
    await speech.speaking.say(alice, "erin", "Hello")
    assert len(fake302.calls("upload")) == 5
    assert (await speech.voices.usable(alice))[0].hosted_url is not None


@pytest.mark.fault("upstream: an empty file, or not audio", "a clear message")
async def test_audio_that_is_not_audio_is_a_clear_error(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    for junk in (b"", b"<html>not audio</html>"):
        fake302.behaviour.audio = junk
        with pytest.raises(BadUpstreamAudio) as caught:
            await speech.speaking.say(alice, "bob", "Hello")
        assert "could not play" in error_text(caught.value)


@pytest.mark.fault("upstream: 5xx or 429 on the result download", "retried, then delivers")
async def test_download_errors_are_retried(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("download", Fault(500), Fault(429, "", {"Retry-After": "0"}))
    assert (await speech.speaking.say(alice, "bob", "Hello")).seconds > 1
    assert len(fake302.calls("download")) == 3


async def test_sampling_overrides_are_sent(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    await speech.speaking.say(
        alice, "bob", "Hi", sampling=Sampling(temperature=0.4, top_k=20, top_p=0.8)
    )
    body = fake302.calls("clone_create")[0].json
    assert (body["temperature"], body["top_k"], body["top_p"]) == (0.4, 20, 0.8)


async def test_the_api_key_never_shows_in_logs_errors_or_reprs(
    speech: Core,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    caplog: pytest.LogCaptureFixture,
    higgs_settings: Settings,
) -> None:
    caplog.set_level(logging.DEBUG)
    await register_bob(speech, alice, clips)
    fake302.fail("clone_create", Fault.error(401, -10001, f"bad key {API_KEY}"))
    with pytest.raises(UpstreamAuth) as caught:
        await speech.speaking.say(alice, "bob", "Hello")
    seen = caplog.text + str(caught.value) + repr(caught.value) + repr(higgs_settings)
    seen += repr(speech.generation.engine) + str(caught.value.params)
    assert API_KEY not in seen


async def test_a_described_voice_goes_to_smart_generation(
    fake302: Fake302, sleeps: Sleeps
) -> None:
    async with httpx.AsyncClient() as http:
        api = Ai302(http=http, api_key=SecretStr(API_KEY), sleep=sleeps)
        base = f"{fake302.base_url}/302/higgs-audio-v2"
        client = HiggsClient(
            api=api,
            urls=HiggsUrls(
                f"{base}/clone/task",
                f"{base}/clone/task",
                f"{base}/smart/task",
                f"{base}/smart/task",
            ),
            poll_interval_s=0.01,
            sleep=sleeps,
        )
        task_ids: list[str] = []

        async def submitted(task_id: str) -> None:
            task_ids.append(task_id)

        audio = await HiggsEngine(client=client).speak(
            SpeechRequest(
                text="Good evening.",
                description="warm elderly man, quiet room",
                sampling=Sampling(temperature=0.7),
            ),
            on_task=submitted,
        )
    body = fake302.calls("smart_create")[0].json
    assert body == {
        "input_text": "Good evening.",
        "is_multi_speaker": False,
        "system_prompt": "Generate audio following instruction.\n<|scene_desc_start|>\n"
        "warm elderly man, quiet room\n<|scene_desc_end|>",
        "temperature": 0.7,
    }
    assert task_ids == [fake302.calls("smart_query")[0].query["task_id"]]
    assert audio[:4] == b"RIFF"


async def test_a_clip_the_transcriber_hears_no_words_in_is_refused(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    fake302.behaviour.transcript = "   "
    with pytest.raises(NoSpeech):
        await speech.voices.register(alice, "music", clips.ogg)
    assert await speech.voices.usable(alice) == []


async def test_a_nested_task_id_wins_over_a_request_id(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.behaviour.create_shape = "nested"
    clip = await speech.speaking.say(alice, "bob", "Hello")
    assert clip.seconds > 1
    assert fake302.calls("clone_query")[0].query["task_id"] in fake302.tasks


@pytest.mark.fault("upstream: Retry-After as an HTTP date", "honoured")
async def test_retry_after_as_an_http_date_is_honoured(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    await register_bob(speech, alice, clips)
    in_a_while = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    fake302.fail("clone_query", Fault.error(429, -10006, retry_after=in_a_while))
    await speech.speaking.say(alice, "bob", "Hello")
    assert any(25 < asked <= 30 for asked in sleeps.asked)  # (after the first poll's pause)


@pytest.mark.fault("upstream: result link refused (403)", "a clear message, not 'bad key'")
async def test_a_refused_result_file_is_not_blamed_on_the_api_key(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("download", Fault(403, "expired link"))
    with pytest.raises(UpstreamUnavailable):
        await speech.speaking.say(alice, "bob", "Hello")


@pytest.mark.fault("upstream: 'no available channel'", "told the service is busy")
async def test_no_available_channel_is_busy_not_bad_input(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.fail("clone_query", Fault.error(400, -10008, "no available channel"))
    assert (await speech.speaking.say(alice, "bob", "Hello")).seconds > 1  # a query: retried


async def test_a_generic_failure_does_not_pay_for_a_second_task(
    speech: Core, alice: Where, clips: Clips, fake302: Fake302
) -> None:
    await register_bob(speech, alice, clips)
    fake302.behaviour.final_state = "FAILURE"
    fake302.behaviour.failure_message = "could not decode model output"
    with pytest.raises(TaskFailed):
        await speech.speaking.say(alice, "bob", "Hello")
    assert len(fake302.calls("clone_create")) == 1


@pytest.mark.fault(
    "upstream: read timeouts on create, query, download", "safe calls retried, a create never"
)
async def test_timeouts_retry_what_is_safe_and_never_a_create(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    settings = higgs_settings.model_copy(update={"http_timeout_s": 1.0})
    async with open_core(settings, sleep=sleeps) as speech:
        await register_bob(speech, alice, clips)
        fake302.fail("clone_create", Fault(200, {"task_id": "late"}, delay_s=2.5))
        with pytest.raises(UpstreamTimeout):  # it may have reached the server: not again
            await speech.speaking.say(alice, "bob", "Hello")
        assert len(fake302.calls("clone_create")) == 1
        fake302.fail("clone_query", Fault(200, {"state": "PENDING"}, delay_s=2.5))
        fake302.fail("download", Fault(200, "", delay_s=2.5))
        clip = await speech.speaking.say(
            alice, "bob", "Hello again"
        )  # a query and a download: again
    assert clip.seconds > 1
    assert len(fake302.calls("clone_create")) == 2


async def test_after_a_restart_the_first_look_waits_for_the_pace_an_earlier_run_saw(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    text = "A sentence long enough for the bot to learn how fast the service speaks."
    fake302.behaviour.generation_s = 0.4  # real time: the first run's task takes this long
    async with open_core(higgs_settings) as speech:
        await register_bob(speech, alice, clips)
        await speech.speaking.say(alice, "bob", text)
    fake302.behaviour.generation_s = 0.0
    looks_before = len(fake302.calls("clone_query"))
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.speaking.say(alice, "bob", text)
    # no look at once: the first 85 % of the 0.4 s (or more) the last task took after the
    # task was made (less the few writes since, here); done
    assert sleeps.asked[0] >= 0.8 * 0.4
    assert len(fake302.calls("clone_query")) == looks_before + 1


async def test_short_requests_tell_the_pace_and_are_expected_as_they_take(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    """Short texts, the most common, take about the task's fixed time whatever their length:
    one tells the pace like any other, and the next is expected to take as long (not eight
    times as long for eight times the characters, nor guessed at)."""
    fake302.behaviour.generation_s = 0.4  # real time: the first run's task takes this long
    async with open_core(higgs_settings) as speech:
        await register_bob(speech, alice, clips)
        await speech.speaking.say(alice, "bob", "Hi!")
    fake302.behaviour.generation_s = 0.0
    looks_before = len(fake302.calls("clone_query"))
    async with open_core(higgs_settings, sleep=sleeps) as speech:
        await speech.speaking.say(alice, "bob", "Hello there, how are you?")
    # the first look 85 % of the 0.4 s (and a little more) the short task took after the
    # task was made
    assert 0.8 * 0.4 <= sleeps.asked[0] < 1.0
    assert len(fake302.calls("clone_query")) == looks_before + 1


async def test_a_bot_started_beside_another_waits_for_the_pace_the_other_saw(
    higgs_settings: Settings, alice: Where, clips: Clips, fake302: Fake302, sleeps: Sleeps
) -> None:
    """Two processes on one database (two workers, say): the one that has seen no task end
    yet starts from the pace the other saw, not from guesses of its own."""
    text = "A sentence long enough for the bot to learn how fast the service speaks."
    async with open_core(higgs_settings, sleep=sleeps) as late:  # (up first, seeing nothing)
        fake302.behaviour.generation_s = 0.4  # real time: the other's task takes this long
        async with open_core(higgs_settings) as other:
            await register_bob(other, alice, clips)
            await other.speaking.say(alice, "bob", text)
        fake302.behaviour.generation_s = 0.0
        asked_before = len(sleeps.asked)
        await late.speaking.say(alice, "bob", text)
    # its first look 85 % of the 0.4 s (or more) the other's task took after its own was
    # made (less the writes since), not 0.01 s
    assert sleeps.asked[asked_before] >= 0.8 * 0.4
