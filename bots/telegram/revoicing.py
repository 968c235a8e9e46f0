"""Reply `/say [NAME]` to a voice message, audio file or video note: the bot hears its words and
says them again in NAME's voice, under it."""

from __future__ import annotations

from telegram import Message, Update

from bots.telegram.common import Context, core_of, download, speak, where_of
from core.domain import Sampling


def audible(message: Message) -> bool:
    """A message whose sound can be heard: a voice or video note, an audio or video file."""
    document = message.document
    return bool(
        message.voice
        or message.audio
        or message.video_note
        or message.video
        or (document and (document.mime_type or "").startswith(("audio/", "video/")))
    )


async def revoiced(
    update: Update,
    context: Context,
    source: Message,
    given: str,
    *,
    sampling: Sampling,
    language: str | None = None,  # `>es`: said in Spanish, translated
) -> bool:
    """Answer `/say [NAME]` (`given`: what follows the command and its settings) replying to
    `source` with its words in that voice (no name: the chat's default). False, and nothing
    done, when the command has words of its own to say."""
    where, core = where_of(update), core_of(context)
    voice, words = await core.voices.parse_say(where, given)
    if words:
        return False
    core.speaking.require_listening()  # before fetching the clip
    clip = await download(source, context)  # held in memory only, for as long as this runs
    await speak(
        update,
        context,
        source,  # the voice comes under the clip it says again
        lambda reply: core.speaking.revoice(
            where, voice, clip, sampling=sampling, language=language, reply=reply
        ),
    )
    return True
