"""Speed (#16): a voice message spoken slower or faster, its pitch kept. Per request
(`/say NAME speed=1.25 text`, Discord's `speed` option, the console's `--speed`) or as a voice's
default (`/tune NAME speed=0.9`); the lengths told to the chat are the message's own, and the
self-check judges the take as it was made."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from core.app import open_core
from core.domain import Sampling, Where
from core.errors import BadSampling, UnknownSetting
from core.messages import error_text
from core.settings import Settings
from tests.conftest import Clips, Sleeps, voicebot
from tests.discord_world import ALICE as DC_ALICE
from tests.discord_world import Discord
from tests.fakes.ai302 import Fake302, tone_wav
from tests.fakes.discord import APP_ID, FakeDiscord
from tests.fakes.telegram import FakeBotApi, User
from tests.telegram_chat import ALICE, GROUP, Telegram, telegram_chat

TAKE_S = 6.0  # every take the fake makes: a 220 Hz tone this long
TONE_HZ = 220


@pytest.fixture(autouse=True)
def six_second_takes(fake302: Fake302) -> None:
    fake302.behaviour.tone_seconds = lambda text: TAKE_S


def heard(ogg: bytes) -> tuple[float, float]:
    """A voice message as ffmpeg decodes it: its length in seconds, and the frequency of its
    tone (rising zero crossings a second, in the middle half: the edges fade)."""
    pcm = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "48000", "-"],
        input=ogg,
        capture_output=True,
        check=True,
    ).stdout
    samples = memoryview(pcm).cast("h")
    middle = samples[len(samples) // 4 : 3 * len(samples) // 4]
    rising = sum(1 for a, b in zip(middle[:-1], middle[1:], strict=True) if a < 0 <= b)
    return len(samples) / 48_000, rising / (len(middle) / 48_000)


async def test_say_with_a_speed_shortens_or_stretches_the_voice_message_its_pitch_kept(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    for command in (
        "/say alice Hello there",
        "/say alice speed=1.5 Hello there",
        "/say alice speed=0.75 Hello there",
    ):
        await tg.send(tg.api.command(GROUP, ALICE, command))

    sent = tg.replies("sendVoice")
    (plain_s, plain_hz), (fast_s, fast_hz), (slow_s, slow_hz) = [
        heard(call.files["voice"]) for call in sent
    ]
    assert plain_s == pytest.approx(TAKE_S, rel=0.05)
    assert fast_s == pytest.approx(plain_s / 1.5, rel=0.05)
    assert slow_s == pytest.approx(plain_s / 0.75, rel=0.05)
    assert [int(call.params["duration"]) for call in sent] == [6, 4, 8]  # as the chat shows it
    for hz in (plain_hz, fast_hz, slow_hz):
        assert hz == pytest.approx(TONE_HZ, rel=0.03)  # the same voice, only faster or slower
    bodies = [call.json for call in fake302.calls("clone_create")]
    assert [body["input_text"] for body in bodies] == ["Hello there"] * 3  # the words alone
    assert not any("speed" in body for body in bodies)  # ours to apply, not the model's


async def test_a_voices_speed_from_tune_applies_when_say_gives_none(
    tg: Telegram, clips: Clips
) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    await tg.send(tg.api.command(GROUP, ALICE, "/tune alice speed=0.75 t=0.7"))
    assert tg.last_text() == "“alice” now speaks with: temperature=0.7, speed=0.75."

    await tg.send(tg.api.command(GROUP, ALICE, "/say alice Hello there"))
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice speed=2 Hello there"))
    note = tg.api.text(GROUP, ALICE, "Read this one out, please")
    await tg.send(tg.api.command(GROUP, ALICE, "/say alice speed=1.5", reply_to=note))

    lengths = [heard(call.files["voice"])[0] for call in tg.replies("sendVoice")]
    assert lengths == [
        pytest.approx(TAKE_S / 0.75, rel=0.05),  # the voice's own speed
        pytest.approx(TAKE_S / 2, rel=0.05),  # the request's, over it
        pytest.approx(TAKE_S / 1.5, rel=0.05),  # and said of a message replied to
    ]
    job = await tg.core.jobs.get(
        Where("telegram", str(GROUP.id), str(ALICE.id)),
        tg.replies("sendVoice")[0]
        .params["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        .rpartition(":")[2],
    )
    assert (job.sampling.speed, job.sampling.temperature) == (0.75, 0.7)  # the job keeps it


async def test_an_out_of_range_speed_is_refused_in_the_users_language(
    tg: Telegram, clips: Clips, fake302: Fake302
) -> None:
    hans = User(700000666, "Hans", language_code="de")
    await tg.clone(GROUP, hans, clips.ogg, "/clone hans")
    refused = error_text(BadSampling(field="speed", low=0.5, high=2.0), "de")
    assert refused != error_text(BadSampling(field="speed", low=0.5, high=2.0), "en")

    for command in (
        "/say hans speed=3 Hallo",
        "/say hans speed=0.25 Hallo",
        "/say hans speed=schnell Hallo",
        "/tune hans speed=2.5",
    ):
        await tg.send(tg.api.command(GROUP, hans, command))
        assert tg.last_text() == refused, command
    await tg.send(tg.api.command(GROUP, hans, "/tune hans tempo=2"))
    assert tg.last_text() == error_text(UnknownSetting(name="tempo"), "de")
    assert "speed=" in tg.last_text()  # the setting it may have meant

    assert not tg.replies("sendVoice") and not fake302.calls("clone_create")
    voice = await tg.core.voices.get(Where("telegram", str(GROUP.id), str(hans.id)), "hans")
    assert voice.sampling.speed is None  # nothing changed


async def test_the_length_limit_of_a_voice_message_counts_the_message_as_spoken(
    higgs_settings: Settings, botapi: FakeBotApi, sleeps: Sleeps, clips: Clips
) -> None:
    settings = higgs_settings.model_copy(update={"max_voice_seconds": 10})
    async with telegram_chat(settings, botapi, sleeps) as tg:
        await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
        await tg.send(tg.api.command(GROUP, ALICE, "/say alice speed=0.5 Hello there"))
        await tg.send(tg.api.command(GROUP, ALICE, "/say alice speed=2 Hello there"))

    slow_1, slow_2, fast = [heard(call.files["voice"])[0] for call in tg.replies("sendVoice")]
    assert slow_1 <= 10 and slow_2 <= 10  # 12 s slowed down: two messages under the cap
    assert slow_1 + slow_2 == pytest.approx(TAKE_S / 0.5, rel=0.05)
    assert fast == pytest.approx(TAKE_S / 2, rel=0.05)  # one message


SENTENCE = "The quick brown fox jumps over the lazy dog by the quiet river bank."


@pytest.mark.parametrize("speed", [0.5, 2.0])
async def test_the_self_check_judges_the_take_as_made_not_as_sped_up(
    higgs_settings: Settings,
    alice: Where,
    clips: Clips,
    fake302: Fake302,
    sleeps: Sleeps,
    speed: float,
) -> None:
    settings = higgs_settings.model_copy(update={"self_check": True})
    fake302.behaviour.tone_seconds = None
    fake302.behaviour.audio = tone_wav(5.0)  # about what the sentence takes to say
    async with open_core(settings, sleep=sleeps) as speech:
        await speech.voices.register(alice, "bob", clips.ogg, transcript="words")
        await speech.voices.tune(alice, "bob", Sampling(speed=speed))
        clip = await speech.speaking.say(alice, "bob", SENTENCE)
    assert clip is not None
    assert fake302.calls("transcribe") == []  # its length fits its text: not heard
    assert clip.seconds == pytest.approx(5.0 / speed, rel=0.05)


async def test_discords_speed_option_on_say_and_tune(
    dc: Discord, rest: FakeDiscord, clips: Clips
) -> None:
    (synced,) = rest.of("PUT", f"/applications/{APP_ID}/commands")
    for command in ("say", "tune", "design"):
        (option,) = [
            o
            for c in synced.json
            if c["name"] == command
            for o in c["options"]
            if o["name"] == "speed"
        ]
        assert (option["type"], option["min_value"], option["max_value"]) == (10, 0.5, 2.0)
        assert option["name_localizations"]["de"] == "tempo"

    await dc.clone(DC_ALICE, "alice", clips.ogg)
    await dc.command(DC_ALICE, "say", voice="alice", text="Hello there", speed=1.5)
    await dc.command(DC_ALICE, "tune", voice="alice", speed=0.75)
    assert dc.last() == "“alice” now speaks with: speed=0.75."
    await dc.command(DC_ALICE, "say", voice="alice", text="Hello there")

    fast, slow = [
        (c.payload["attachments"][0]["duration_secs"], heard(c.files["files[0]"][2])[0])
        for c in dc.voice_messages()
    ]
    for told, length in (fast, slow):
        assert told == pytest.approx(length, abs=0.05)  # the duration told is the message's
    assert fast[1] == pytest.approx(TAKE_S / 1.5, rel=0.05)
    assert slow[1] == pytest.approx(TAKE_S / 0.75, rel=0.05)


async def test_the_consoles_speed_flag(tmp_path: Path, clips: Clips) -> None:
    clip = tmp_path / "me.wav"
    clip.write_bytes(clips.wav)
    code, printed = await voicebot(tmp_path, "console", "clone", "me", str(clip), "--text", "hi")
    assert code == 0, printed
    lengths = []
    for name, more in (("plain.ogg", []), ("fast.ogg", ["--speed", "1.5"])):
        say = ["console", "say", "me", "Hello", "there", "--out", name, *more]
        code, printed = await voicebot(tmp_path, *say)
        assert code == 0, printed
        lengths.append(heard((tmp_path / name).read_bytes())[0])
    plain, fast = lengths  # the offline stand-in says the same words alike each time
    assert fast == pytest.approx(plain / 1.5, rel=0.05)
    code, printed = await voicebot(tmp_path, "console", "say", "me", "Hello", "--speed", "3")
    assert "speed must be between 0.5 and 2.0" in printed


async def test_design_and_dialogue_take_a_speed_too(tg: Telegram, clips: Clips) -> None:
    await tg.clone(GROUP, ALICE, clips.ogg, "/clone alice")
    for command in (
        "/design warm elderly man | Hello there",
        "/design speed=1.5 warm elderly man | Hello there",
        "/dialogue\nalice: Hello there",
        "/dialogue speed=0.75\nalice: Hello there",
    ):
        await tg.send(tg.api.command(GROUP, ALICE, command))

    designed, fast, spoken, slow = [heard(c.files["voice"]) for c in tg.replies("sendVoice")]
    assert fast[0] == pytest.approx(designed[0] / 1.5, rel=0.05)
    assert slow[0] == pytest.approx(spoken[0] / 0.75, rel=0.05)
    for _, hz in (designed, fast, spoken, slow):
        assert hz == pytest.approx(TONE_HZ, rel=0.03)  # only faster or slower
