"""What only the Discord bot says (its help, forms, labels), in English and Chinese."""

from __future__ import annotations

from core.locales import translations
from core.messages import phrasebook

DISCORD: dict[str, dict[str, str]] = {
    "dc_help": {
        "en": (
            "I speak text in voices you register.\n"
            "**Register a voice**: right-click (long-press) a message with a voice message or "
            "audio file → Apps → **Clone this voice**; or reply to it with `@me clone NAME`; "
            "or `/clone name: audio: statement:` for a file (in a server an admin approves it).\n"
            "**Speak**: `/say voice: text:` posts a voice message. `/default` picks the voice "
            "used when you leave `voice` out. Long text is spoken sentence by sentence. Under "
            "each result: 🔁 another take, 🎯 steadier, 🎨 livelier. Changed your mind? ✖ "
            "under the status, or `/cancel` for all of yours in the channel.\n"
            "**Design a voice in words**: `/design description: text:`, then 💾 keep it.\n"
            "**A conversation**: `/dialogue`, then one `name: text` line per turn.\n"
            "**Fine-tune**: `/tune voice: temperature: top_k: top_p: speed:` (speed 0.5–2: "
            "slower or faster, the same pitch); `/say` takes the same options for one request.\n"
            "**Manage**: `/voices` (play, set default, delete), `/rename`, `/delete`, "
            "`/share`.\n"
            "**Consent**: cloning someone else's voice asks them first; it speaks only once "
            "they approve. `/myvoices` shows every voice made from your speech (revoke any); "
            "`/forgetme` deletes everything I keep about you. Admins: `/settings`.\n"
            "**Prove a voice is yours**, ready at once: `/myvoice name:` shows a phrase; reply "
            "to it with a voice message reading it aloud.\n"
            "**Report a voice** to the server's admins: `/report name:`, or on a voice message "
            "I posted → Apps → **Report voice**; it stays silent until an admin restores or "
            "deletes it.\n"
            "Voices made in a server belong to it; voices made in DMs are yours alone. "
            "Best clips: 6–30 seconds of one person talking."
        ),
        "zh": (
            "我可以用你登记的声音朗读文字。\n"
            "**登记声音**：右键（长按）一条含语音或音频的消息 → 应用 → **Clone this voice**；"
            "或回复它 `@我 clone 名称`；或用 `/clone name: audio: statement:` 登记文件"
            "（在服务器中需管理员批准）。\n"
            "**朗读**：`/say voice: text:` 会发送一条语音消息。"
            "`/default` 设置省略 voice 时使用的声音。长文本会逐句朗读。"
            "每条结果下方：🔁 再来一次、🎯 更稳、🎨 更生动。"
            "改主意了？点状态下方的 ✖，或用 `/cancel` 取消你在本频道的全部请求。\n"
            "**用文字设计声音**：`/design description: text:`，满意可 💾 保留。\n"
            "**对话**：`/dialogue`，然后每行一句 `名称: 文字`。\n"
            "**微调**：`/tune voice: temperature: top_k: top_p: speed:`（speed 0.5–2：放慢或加快，"
            "音高不变）；`/say` 也接受这些选项，只用于这一次。\n"
            "**管理**：`/voices`（试听、设为默认、删除）、`/rename`、`/delete`、`/share`。\n"
            "**同意**：克隆他人的声音会先征求本人同意，同意后才能使用。"
            "`/myvoices` 查看用你的声音登记的所有声音（可撤销）；"
            "`/forgetme` 删除我保存的关于你的一切。管理员：`/settings`。\n"
            "**证明声音是你自己的**并立即可用：`/myvoice name:` 会给出一句短语，"
            "用语音消息回复它并朗读出来。\n"
            "**举报声音**：`/report name:`，或在我发出的语音消息上 → 应用 → **Report voice**；"
            "在管理员恢复或删除之前它不能使用。\n"
            "在服务器里登记的声音属于该服务器；在私信中登记的只属于你。最佳片段：6–30 秒单人讲话。"
        ),
    },
    "dc_not_a_bot_voice": {
        "en": "That is not a voice message I posted. Use “Report voice” on one of mine, or "
        "/report name: to report a voice by its name.",
        "zh": "这不是我发出的语音消息。请在我发出的语音消息上使用“Report voice”，"
        "或用 /report name: 按名称举报声音。",
    },
    "dc_no_audio": {
        "en": "That message has no voice message or audio file to clone.",
        "zh": "这条消息里没有可以克隆的语音或音频文件。",
    },
    "dc_upload_use_clone": {
        "en": "That is an uploaded file, not a voice message its speaker recorded: it could "
        "be anyone's voice. Register it with /clone name: audio: statement: and say whose it "
        "is (in a server, an admin then approves it).",
        "zh": "这是上传的文件，而不是本人录制的语音消息：它可能是任何人的声音。请用 "
        "/clone name: audio: statement: 登记并说明是谁的声音（在服务器中还需管理员批准）。",
    },
    "dc_clone_usage": {
        "en": "Reply to a voice message or audio file with @me clone NAME "
        "(or @me clone NAME | the words spoken in it).",
        "zh": "请用 @我 clone 名称 回复一条语音或音频消息"
        "（也可以 @我 clone 名称 | 其中说的原话）。",
    },
    "dc_modal_title": {"en": "Clone this voice", "zh": "克隆这个声音"},
    "dc_modal_name": {"en": "Voice name", "zh": "声音名称"},
    "dc_modal_transcript": {
        "en": "Words spoken in the clip (optional)",
        "zh": "片段中说的原话（可选）",
    },
    "dc_dialogue_title": {"en": "A dialogue", "zh": "对话"},
    "dc_report_title": {"en": "Report voice", "zh": "举报声音"},
    "dc_report_reason": {  # Discord: a label is at most 45
        "en": "Why? (optional: the admins are told)",
        "zh": "原因（可选，会告诉管理员）",
    },
    "dc_dialogue_label": {
        "en": "One turn per line: NAME: text",  # Discord: a label is at most 45
        "zh": "每行一句：名称: 文字",
    },
    "dc_pick_voice": {"en": "Pick a voice…", "zh": "选择一个声音…"},
    "dc_no_audio_to_say": {
        "en": "That message has no voice message or audio file whose words I could say again.",
        "zh": "这条消息里没有语音或音频文件，我没有可以重说的话。",
    },
    "dc_speak_as_title": {"en": "Say these words again", "zh": "把这些话再说一遍"},
    "dc_speak_as_voice": {"en": "In which voice?", "zh": "用哪个声音？"},
    "dc_voice_panel": {
        "en": "**{name}** · {seconds:.0f} s · “{transcript}”",
        "zh": "**{name}** · {seconds:.0f} 秒 · “{transcript}”",
    },
    "dc_button_sample": {"en": "▶ Play", "zh": "▶ 试听"},
    "dc_button_approve_named": {"en": "✅ Approve {name}", "zh": "✅ 同意 {name}"},
    "dc_button_decline_named": {"en": "❌ Decline {name}", "zh": "❌ 拒绝 {name}"},
    "dc_said_by": {"en": "🔊 {label} · for {user}", "zh": "🔊 {label} · 应 {user} 请求"},
    "dc_voice_fallback": {
        "en": "This channel does not let me post voice messages, so here is an audio file. "
        "A server admin can grant me the **Send Voice Messages** permission.",
        "zh": "这个频道不允许我发送语音消息，所以改为发送音频文件。服务器管理员可以授予我"
        "**发送语音消息**权限。",
    },
    "dc_read_in_dm": {
        "en": "I am not in this chat, so a reply here cannot reach me: send your reading as a "
        "voice message in a DM with me (my profile → Send Message).",
        "zh": "我不在这个聊天里，这里的回复我收不到：请在与我的私信中用语音消息发送你的朗读"
        "（我的资料 → 发消息）。",
    },
}

text = phrasebook(DISCORD, translations("bots.discord.locales"))
