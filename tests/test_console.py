"""The `voicebot console` command, run as a real program, offline and against the fake 302.AI."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import Clips, voicebot
from tests.fakes.ai302 import API_KEY, Fake302


def opus_seconds(path: Path) -> float:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "stream=codec_name:format=duration",
            "-of",
            "default=nw=1:nk=1",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[0] == "opus"
    return float(out[1])


async def test_demo_runs_offline_with_no_key(tmp_path: Path) -> None:
    code, out = await voicebot(tmp_path, "console", "demo")
    assert code == 0, out
    assert "offline stand-in" in out
    assert opus_seconds(tmp_path / "demo.ogg") > 1


async def test_clone_say_list_rename_delete_offline(tmp_path: Path, clips: Clips) -> None:
    clip = clips.make("speech.ogg", "-c:a", "libopus")
    code, out = await voicebot(
        tmp_path, "console", "clone", "Nana", str(clip), "--text", "The quick brown fox."
    )
    assert code == 0 and "Saved voice “Nana”" in out, out
    code, out = await voicebot(
        tmp_path, "console", "say", "nana", "Hello", "there", "--out", "hi.ogg"
    )
    assert code == 0 and "synthetic voice: Nana" in out, out
    assert opus_seconds(tmp_path / "hi.ogg") > 0.3
    code, out = await voicebot(tmp_path, "console", "rename", "nana", "granny")
    assert code == 0 and "granny" in out
    code, out = await voicebot(tmp_path, "console", "voices")
    assert "granny" in out and "Nana" not in out
    code, out = await voicebot(tmp_path, "console", "delete", "granny")
    assert code == 0 and "Deleted" in out
    code, out = await voicebot(tmp_path, "console", "voices")
    assert "No voices here yet" in out
    assert list((tmp_path / "data" / "voices").iterdir()) == []


async def test_console_failures_are_one_friendly_line(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.ogg"
    text_file.write_text("this is not audio")
    code, out = await voicebot(tmp_path, "console", "clone", "bob", str(text_file))
    assert code == 1 and "not audio I can read" in out and "Traceback" not in out
    code, out = await voicebot(tmp_path, "console", "say", "nobody", "hello")
    assert code == 1 and "don't know a voice called “nobody”" in out
    code, out = await voicebot(tmp_path, "console", "say", "nobody", "hello", LANG="zh_CN.UTF-8")
    assert code == 1 and "没有名为“nobody”的声音" in out


async def test_a_bad_setting_stops_start_up_with_one_line(tmp_path: Path) -> None:
    code, out = await voicebot(tmp_path, "console", "voices", MAX_CONCURRENT_JOBS="many")
    assert code == 2
    assert out.strip().splitlines() == [
        "voicebot: Setting MAX_CONCURRENT_JOBS is not valid: "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


async def test_console_clones_and_speaks_through_302(
    tmp_path: Path, clips: Clips, fake302: Fake302
) -> None:
    env = {"AI302_API_KEY": API_KEY, "AI302_BASE_URL": fake302.base_url, "POLL_INTERVAL_S": "0.01"}
    code, out = await voicebot(tmp_path, "console", "clone", "bob", str(clips.speech_wav), **env)
    assert code == 0 and "hello from the fake transcriber" in out, out
    code, out = await voicebot(tmp_path, "console", "say", "bob", "Hi", "--out", "x.ogg", **env)
    assert code == 0, out
    assert fake302.calls("clone_create")[0].json["input_text"] == "Hi"
    assert 1.9 < opus_seconds(tmp_path / "x.ogg") < 2.1
    assert API_KEY not in out


async def test_design_keep_again_and_tune_offline(tmp_path: Path) -> None:
    code, out = await voicebot(
        tmp_path,
        "console",
        "design",
        "a calm old sailor",
        "The sea was quiet that night, and the stars were bright.",
        "--out",
        "sailor.ogg",
    )
    assert code == 0 and "synthetic voice (designed): a calm old sailor" in out, out
    take = out.split("take ")[-1].split()[0]
    code, out = await voicebot(
        tmp_path, "console", "again", take, "--steadier", "--out", "steady.ogg"
    )
    assert code == 0 and opus_seconds(tmp_path / "steady.ogg") > 1, out
    code, out = await voicebot(tmp_path, "console", "keep", take, "sailor")
    assert code == 0 and "Saved voice “sailor”" in out, out
    code, out = await voicebot(tmp_path, "console", "tune", "sailor", "--temperature", "0.6")
    assert code == 0 and "“sailor” now speaks with: temperature=0.6." in out, out
    code, out = await voicebot(tmp_path, "console", "tune", "sailor", "--temperature", "3")
    assert code == 1 and "temperature must be between 0.0 and 1.5" in out, out


async def test_a_dialogue_from_a_script_file_offline(tmp_path: Path) -> None:
    (tmp_path / "script.txt").write_text(
        '"a calm narrator": It was late.\n'
        '"a nervous boy": Who is there?\n'
        '"a deep voice": Only the wind.\n',
        encoding="utf-8",
    )
    code, out = await voicebot(tmp_path, "console", "dialogue", "script.txt", "--out", "d.ogg")
    assert code == 0, out
    assert opus_seconds(tmp_path / "d.ogg") > 2
