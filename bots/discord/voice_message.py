"""Native Discord voice messages. discord.py's `send()` cannot set their flag and metadata, so
this builds the multipart request itself and sends it through the client's own HTTP layer
(rate limits and retries included)."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

import discord
from discord.http import Route

from core.domain import VoiceClip

IS_VOICE_MESSAGE = 1 << 13
FILENAME = "voice-message.ogg"


async def post_voice_message(
    http: discord.http.HTTPClient, channel_id: int, clip: VoiceClip, *, reply_to: int | None
) -> Any:
    """Post `clip` in the channel as a voice message (OGG/Opus, duration, waveform)."""
    route = Route("POST", "/channels/{channel_id}/messages", channel_id=channel_id)
    return await _send(http, route, clip, reply_to=reply_to)


async def follow_up_voice_message(
    http: discord.http.HTTPClient, application_id: int, token: str, clip: VoiceClip
) -> Any:
    """Send `clip` as a voice message following up an interaction (Discord allows the flag
    on a followup; a followup cannot reply to a message)."""
    route = Route(
        "POST",
        "/webhooks/{webhook_id}/{webhook_token}",
        webhook_id=application_id,
        webhook_token=token,
    )
    return await _send(http, route, clip, reply_to=None)


async def _send(
    http: discord.http.HTTPClient, route: Route, clip: VoiceClip, *, reply_to: int | None
) -> Any:
    payload: dict[str, Any] = {
        "flags": IS_VOICE_MESSAGE,
        "attachments": [
            {
                "id": "0",
                "filename": FILENAME,
                "duration_secs": round(clip.seconds, 2),
                "waveform": base64.b64encode(clip.waveform).decode(),
            }
        ],
    }
    if reply_to is not None:
        payload["message_reference"] = {"message_id": str(reply_to), "fail_if_not_exists": False}
    file = discord.File(io.BytesIO(clip.ogg), filename=FILENAME)
    form: list[dict[str, Any]] = [
        {"name": "payload_json", "value": json.dumps(payload)},
        {"name": "files[0]", "value": file.fp, "filename": FILENAME, "content_type": "audio/ogg"},
    ]
    return await http.request(route, files=[file], form=form)
