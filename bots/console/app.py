"""`voicebot console …`: clone, say, list, rename and delete voices from a terminal."""

from __future__ import annotations

import asyncio
import getpass
import os
import re
import subprocess
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.status import Status
from rich.table import Table

from core.app import Core, open_core
from core.domain import Progress, Sampling, Voice, VoiceClip, Where
from core.errors import ConfigError, VoicebotError
from core.messages import (
    error_text,
    label_text,
    progress_text,
    saved_text,
    text,
    tuned_text,
)
from core.outbox import Reply, ReplyTarget
from core.settings import Settings
from core.speaking import Change

console_app = typer.Typer(no_args_is_help=True, help="Use the bot from this terminal.")
out = Console()

OutFile = Annotated[
    Path | None, typer.Option("--out", help="Where to write the OGG voice message.")
]
DEMO_VOICE = "demo"
DEMO_SCRIPT = (
    "Hello! I am the demo speaker. This short clip becomes a reference voice, "
    "and the bot speaks new text with it."
)


def _where() -> Where:
    """The terminal user, in their own personal scope, in the language of their locale."""
    locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or "en"
    return Where("console", "local", getpass.getuser(), locale=locale, private=True)


class Terminal:
    """The console's outbox: progress in a spinner, the voice written to a file, an error in
    red. Nothing waits for it after a restart (its replies are not durable)."""

    def __init__(self, status: Status, out_file: Path | None) -> None:
        self._status = status
        self._out_file = out_file
        self.error: VoicebotError | None = None

    def reply(self) -> Reply:
        return Reply(self, ReplyTarget(chat_id="console"), durable=False)

    async def progress(self, where: Where, target: ReplyTarget, progress: Progress) -> None:
        self._status.update(progress_text(progress, where.locale))

    async def post(self, where: Where, target: ReplyTarget, clip: VoiceClip) -> None:
        self._status.stop()
        await _write(clip, self._out_file, where)

    async def fail(self, where: Where, target: ReplyTarget, error: VoicebotError) -> None:
        self.error = error

    async def ask_consent(self, where: Where, source: ReplyTarget, voice: Voice) -> bool:
        """Never asked: a voice registered here is the terminal user's own (and nobody else
        is at this terminal to reach)."""
        return False


def _run(
    ctx: typer.Context,
    work: Callable[[Core, Where], Awaitable[None]],
    *,
    speaks: bool = False,
) -> None:
    """Open the core, run one command in it, and turn any failure into one friendly line."""
    settings: Settings = ctx.obj
    where = _where()
    if speaks and not settings.uses_higgs:
        out.print(f"[dim]{text('offline_notice', where.locale)}[/dim]")

    async def session() -> None:
        async with open_core(settings) as core:
            await work(core, where)

    try:
        asyncio.run(session())
    except ConfigError as exc:
        out.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    except VoicebotError as exc:
        out.print(f"[red]{error_text(exc, where.locale)}[/red]")
        raise typer.Exit(1) from None


async def _speak(out_file: Path | None, start: Callable[[Reply], Awaitable[object]]) -> None:
    """Have the core answer through the terminal; its error, if any, is raised here."""
    with out.status("…") as status:
        terminal = Terminal(status, out_file)
        await start(terminal.reply())
    if terminal.error is not None:
        raise terminal.error


@console_app.command()
def clone(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Name for the new voice, e.g. grandpa_joe.")],
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Audio clip.")],
    transcript: Annotated[
        str | None, typer.Option("--text", help="The words spoken in the clip.")
    ] = None,
) -> None:
    """Register a voice from an audio file (3–30 s of one person speaking)."""

    async def work(core: Core, where: Where) -> None:
        with out.status("Reading the clip…"):
            voice = await core.voices.register(
                where, name, await asyncio.to_thread(file.read_bytes), transcript=transcript
            )
        out.print(saved_text(voice, where.locale))
        out.print(f"[dim]{text('console_upload_reminder', where.locale)}[/dim]")

    _run(ctx, work)


@console_app.command()
def say(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Voice to speak with.")],
    words: Annotated[list[str], typer.Argument(help="Text to speak.")],
    out_file: OutFile = None,
    temperature: Annotated[float | None, typer.Option(help="0–1.5, default 1.")] = None,
    top_k: Annotated[int | None, typer.Option(help="-1–100, default 50.")] = None,
    top_p: Annotated[float | None, typer.Option(help="0.1–1, default 0.95.")] = None,
    speed: Annotated[
        float | None, typer.Option(help="0.5–2: slower or faster, the same pitch; default 1.")
    ] = None,
    to: Annotated[
        str | None,
        typer.Option("--to", help="Say it in this language (es, de, ja…), translated first."),
    ] = None,
) -> None:
    """Speak text in a stored voice and write it as an OGG/Opus voice message."""

    async def work(core: Core, where: Where) -> None:
        sampling = Sampling(temperature=temperature, top_k=top_k, top_p=top_p, speed=speed)
        await _speak(
            out_file,
            lambda reply: core.speaking.say(
                where, name, " ".join(words), sampling=sampling, language=to, reply=reply
            ),
        )

    _run(ctx, work, speaks=True)


@console_app.command()
def design(
    ctx: typer.Context,
    description: Annotated[str, typer.Argument(help="The voice in words, quoted.")],
    words: Annotated[list[str], typer.Argument(help="Text to speak.")],
    out_file: OutFile = None,
) -> None:
    """Speak in a voice described in words (keep it with `keep TAKE NAME`)."""

    async def work(core: Core, where: Where) -> None:
        await _speak(
            out_file,
            lambda reply: core.speaking.design(where, description, " ".join(words), reply=reply),
        )

    _run(ctx, work, speaks=True)


@console_app.command()
def dialogue(
    ctx: typer.Context,
    script: Annotated[
        Path,
        typer.Argument(
            exists=True, dir_okay=False, help="A text file: one `name: text` line a turn."
        ),
    ],
    out_file: OutFile = None,
) -> None:
    """Speak a conversation between voices (or `"description": text` speakers)."""

    async def work(core: Core, where: Where) -> None:
        lines = await asyncio.to_thread(script.read_text, encoding="utf-8")
        await _speak(out_file, lambda reply: core.speaking.dialogue(where, lines, reply=reply))

    _run(ctx, work, speaks=True)


@console_app.command()
def again(
    ctx: typer.Context,
    take: Annotated[str, typer.Argument(help="The take id a say/design printed.")],
    steadier: Annotated[bool, typer.Option("--steadier", help="Lower temperature.")] = False,
    livelier: Annotated[bool, typer.Option("--livelier", help="Higher temperature.")] = False,
    out_file: OutFile = None,
) -> None:
    """Another take of an earlier request: the same, steadier or livelier."""

    async def work(core: Core, where: Where) -> None:
        change: Change = "steadier" if steadier else "livelier" if livelier else "again"
        await _speak(
            out_file, lambda reply: core.speaking.retake(where, take, change, reply=reply)
        )

    _run(ctx, work, speaks=True)


@console_app.command()
def keep(ctx: typer.Context, take: str, name: str) -> None:
    """Keep a designed voice (its take id) as a voice of its own."""

    async def work(core: Core, where: Where) -> None:
        with out.status("…"):
            voice = await core.voices.keep(where, take, name)
        out.print(saved_text(voice, where.locale))

    _run(ctx, work)


@console_app.command()
def tune(
    ctx: typer.Context,
    name: str,
    temperature: Annotated[float | None, typer.Option(help="0–1.5")] = None,
    top_k: Annotated[int | None, typer.Option(help="-1–100")] = None,
    top_p: Annotated[float | None, typer.Option(help="0.1–1")] = None,
    speed: Annotated[float | None, typer.Option(help="0.5–2")] = None,
) -> None:
    """Set a voice's own sampling defaults and speed (none given: back to the service's)."""

    async def work(core: Core, where: Where) -> None:
        sampling = Sampling(temperature=temperature, top_k=top_k, top_p=top_p, speed=speed)
        out.print(tuned_text(await core.voices.tune(where, name, sampling), where.locale))

    _run(ctx, work)


async def _write(clip: VoiceClip, out_file: Path | None, where: Where) -> None:
    """Write the voice message (or, when it ran long, each of its parts: NAME-2.ogg, …)."""
    name = re.sub(r"\W+", "_", clip.voice_name) or "designed"
    first = out_file or Path(f"{name}-{clip.job_id[:8]}.ogg")
    for number, part in enumerate(clip.messages, start=1):
        target = first if number == 1 else first.with_stem(f"{first.stem}-{number}")
        await asyncio.to_thread(target.write_bytes, part.ogg)
        out.print(
            f"{target} ({part.seconds:.1f} s, {label_text(clip, where.locale)}) take {clip.job_id}"
        )


@console_app.command()
def voices(ctx: typer.Context) -> None:
    """List the voices you can use."""

    async def work(core: Core, where: Where) -> None:
        found = await core.voices.usable(where)
        if not found:
            out.print(text("voices_empty", where.locale))
            return
        table = Table(title=text("voices_header", where.locale))
        for column in ("name", "length", "transcript", "created"):
            table.add_column(column)
        for voice in found:
            table.add_row(
                voice.name,
                f"{voice.seconds:.1f} s",
                voice.transcript[:60],
                f"{voice.created_at:%Y-%m-%d %H:%M}",
            )
        out.print(table)

    _run(ctx, work)


@console_app.command()
def rename(ctx: typer.Context, old: str, new: str) -> None:
    """Give a voice a new name."""

    async def work(core: Core, where: Where) -> None:
        voice = await core.voices.rename(where, old, new)
        out.print(text("voice_renamed", where.locale, old=old, new=voice.name))

    _run(ctx, work)


@console_app.command()
def delete(ctx: typer.Context, name: str) -> None:
    """Delete a voice and its reference clip."""

    async def work(core: Core, where: Where) -> None:
        voice = await core.voices.delete(where, name)
        out.print(text("voice_deleted", where.locale, name=voice.name))

    _run(ctx, work)


@console_app.command()
def demo(ctx: typer.Context) -> None:
    """Try everything at once: make a speaker clip, register it, speak new text with it."""

    async def work(core: Core, where: Where) -> None:
        if DEMO_VOICE not in {v.name for v in await core.voices.usable(where)}:
            with out.status("Recording a demo speaker with espeak-ng…"):
                clip = await asyncio.to_thread(_espeak_clip, DEMO_SCRIPT)
                voice = await core.voices.register(where, DEMO_VOICE, clip, transcript=DEMO_SCRIPT)
            out.print(saved_text(voice, where.locale))
        await _speak(
            Path.cwd() / "demo.ogg",
            lambda reply: core.speaking.say(
                where,
                DEMO_VOICE,
                "This sentence was never recorded. The bot made it up.",
                reply=reply,
            ),
        )
        out.print(
            "Next: voicebot console clone NAME your-clip.ogg, then "
            "voicebot console say NAME Hello!"
        )

    _run(ctx, work, speaks=True)


def _espeak_clip(words: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speaker.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), words], check=True)
        return wav.read_bytes()
