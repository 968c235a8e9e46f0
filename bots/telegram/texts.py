"""What only the Telegram bot says (its help, usage lines, menus), in English and Chinese."""

from __future__ import annotations

from core.locales import translations
from core.messages import phrasebook

TELEGRAM: dict[str, dict[str, str]] = {
    "keep_how": {
        "en": "To keep this voice, reply to it with /keep NAME.",
        "zh": "要保留这个声音，请用 /keep 名称 回复它。",
    },
    "keep_usage": {
        "en": "Reply /keep NAME to a designed voice message to keep that voice.",
        "zh": "请用 /keep 名称 回复一条设计出的语音消息来保留该声音。",
    },
    "tune_usage": {
        "en": "Write it as: /tune NAME temperature=0.7 top_k=40 top_p=0.9 speed=0.9 (any of "
        "them; none resets).",
        "zh": "请这样写：/tune 名称 temperature=0.7 top_k=40 top_p=0.9 speed=0.9"
        "（任选；都不写则重置）。",
    },
    "voice_line": {"en": "{name} · {seconds:.0f} s", "zh": "{name} · {seconds:.0f} 秒"},
    "voice_line_default": {"en": " · default", "zh": " · 默认"},
    "voice_line_personal": {"en": " · personal", "zh": " · 个人"},
    "tg_help": {
        "en": (
            "I speak text in voices you register.\n\n"
            "Register a voice: reply to a voice message (or audio file, video note) with\n"
            "/clone NAME  or  /clone NAME | the words spoken in it\n"
            "In a private chat you can also just send me a voice message.\n\n"
            "Speak: /say NAME text to speak\n"
            "Slower or faster (0.5–2, the same pitch): /say NAME speed=1.25 text\n"
            "In another language, translated first: /say NAME >es text (es, de, fr, ja…)\n"
            "Pick a default: /default NAME, then /say text to speak\n"
            "Reply /say NAME to a text message to speak that message.\n"
            "Long text is fine: it is spoken sentence by sentence.\n"
            "Changed your mind? ✖ under the status, or /cancel for all of yours here.\n\n"
            "Under each voice message: 🔁 another take, 🎯 steadier, 🎨 livelier.\n"
            "Design a voice in words: /design warm elderly man, slow | Good evening!\n"
            "then reply /keep NAME to the result to keep that voice.\n"
            "A conversation: /dialogue, then one line per turn:\n"
            'alice: Hi Bob!\nbob: Hello!\n"a grumpy robot": Beep.\n'
            "Fine-tune: /tune NAME temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
            "Manage: /voices (play, set default, delete), /rename OLD NEW, /delete NAME, "
            "/share NAME on|off\n\n"
            "Consent: cloning someone else's voice message asks them first; it speaks only "
            "once they approve. /myvoices shows every voice made from your speech (revoke any); "
            "/forgetme deletes everything I keep about you. Group admins: /settings.\n"
            "Report a voice to a group's admins: /report NAME [reason], or reply /report to "
            "a voice message I posted; it stays silent until an admin restores or deletes it."
            "\n\n"
            "Prove a voice is your own and have it ready at once: /myvoice NAME shows a "
            "phrase; reply to it with a voice message reading it aloud.\n\n"
            "Voices made in a group belong to that group; voices made here in private are "
            "yours alone. Best clips: 6–30 seconds of one person talking, little noise."
        ),
        "zh": (
            "我可以用你登记的声音朗读文字。\n\n"
            "登记声音：回复一条语音消息（或音频文件、视频消息）：\n"
            "/clone 名称  或  /clone 名称 | 其中说的原话\n"
            "在私聊中也可以直接发给我一条语音。\n\n"
            "朗读：/say 名称 要说的文字\n"
            "放慢或加快（0.5–2，音高不变）：/say 名称 speed=1.25 文字\n"
            "换一种语言说（先翻译）：/say 名称 >en 文字（en、es、de、ja…）\n"
            "设置默认：/default 名称，之后 /say 文字 即可\n"
            "用 /say 名称 回复一条文字消息，即可朗读那条消息。\n"
            "长文本也没问题：会逐句朗读。\n"
            "改主意了？点状态消息下的 ✖，或用 /cancel 取消你在这里的全部请求。\n\n"
            "每条语音下方：🔁 再来一次、🎯 更稳、🎨 更生动。\n"
            "用文字设计声音：/design 温和的老人，语速慢 | 大家晚上好！\n"
            "然后用 /keep 名称 回复结果即可保留该声音。\n"
            "对话：/dialogue 后每行一句：\n"
            '爷爷: 你好！\n奶奶: 你好呀！\n"一个暴躁的机器人": 哔。\n'
            "微调：/tune 名称 temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
            "管理：/voices（试听、设为默认、删除）、/rename 旧名 新名、/delete 名称、"
            "/share 名称 on|off\n\n"
            "同意：克隆他人的语音会先征求本人同意，同意后才能使用。/myvoices 查看用你的声音登记的"
            "所有声音（可撤销）；/forgetme 删除我保存的关于你的一切。群管理员：/settings。\n"
            "向群管理员举报声音：/report 名称 [理由]，或用 /report 回复我发出的语音消息；"
            "在管理员恢复或删除之前它不能使用。\n\n"
            "证明声音是你自己的并立即可用：/myvoice 名称 会给出一句短语，"
            "用语音消息回复它并朗读出来。\n\n"
            "在群里登记的声音属于该群；在私聊中登记的声音只属于你。"
            "最佳片段：6–30 秒、单人讲话、噪音少。"
        ),
    },
    "tg_clone_usage": {
        "en": "Reply to a voice message or video note with /clone NAME (or /clone NAME | the "
        "words spoken in it); to an audio file, document or video with /clone NAME own (your "
        "own voice) or /clone NAME permission (someone who gave you permission).",
        "zh": "请用 /clone 名称 回复一条语音消息或视频消息（也可以 /clone 名称 | 其中说的原话）；"
        "回复音频文件、文档或视频时用 /clone 名称 own（你自己的声音）"
        "或 /clone 名称 permission（已同意的他人）。",
    },
    "tg_upload_how": {
        "en": "That is an uploaded file, so it could be anyone's voice. Reply to it with "
        "/clone NAME own if it is your own voice, or /clone NAME permission if its speaker "
        "gave you permission.",
        "zh": "这是上传的文件，可能是任何人的声音。如果是你自己的声音，请用 /clone 名称 own "
        "回复它；如果本人已同意，请用 /clone 名称 permission 回复它。",
    },
    "tg_ask_name": {
        "en": "Nice clip! What should I call this voice? Send a name (letters, digits, - or _), "
        "or /cancel.",
        "zh": "收到！这个声音叫什么名字？请发送一个名称（字母、数字、- 或 _），"
        "或发送 /cancel 取消。",
    },
    "tg_cancelled": {"en": "OK, I forgot that clip.", "zh": "好的，已丢弃这段音频。"},
    "tg_rename_usage": {"en": "Write it as: /rename OLD NEW", "zh": "请这样写：/rename 旧名 新名"},
    "tg_delete_usage": {"en": "Write it as: /delete NAME", "zh": "请这样写：/delete 名称"},
    "tg_myvoice_usage": {
        "en": "Write it as: /myvoice NAME. I show you a short phrase; reply to it with a voice "
        "message reading it aloud, and that reading becomes your voice NAME, ready at once.",
        "zh": "请这样写：/myvoice 名称。我会给你一句短语；用语音消息回复它并朗读出来，"
        "这段朗读就会成为你的声音，立即可用。",
    },
    "tg_button_phrase": {"en": "🔁 Another phrase", "zh": "🔁 换一句"},
    "tg_report_usage": {
        "en": "Write it as: /report NAME [reason], or reply /report [reason] to a voice message "
        "I posted.",
        "zh": "请这样写：/report 名称 [理由]，或用 /report [理由] 回复我发出的语音消息。",
    },
    "tg_default_usage": {"en": "Write it as: /default NAME", "zh": "请这样写：/default 名称"},
    "tg_share_usage": {
        "en": "Write it as: /share NAME on (everyone here may use it) or /share NAME off "
        "(only you).",
        "zh": "请这样写：/share 名称 on（这里所有人可用）或 /share 名称 off（仅你可用）。",
    },
    "tg_as_yourself": {
        "en": "Send this as yourself, not anonymously or as a channel: a voice needs a person "
        "who owns it.",
        "zh": "请以你本人的身份发送，不要匿名或以频道身份发送：声音需要归属于一个真实的人。",
    },
    "tg_not_your_button": {
        "en": "Only the person who asked can answer this.",
        "zh": "只有提出请求的人可以回答。",
    },
    "tg_settings_usage": {
        "en": "Admins can change them: /settings clone everyone|admins, /settings share on|off, "
        "/settings quota CHARS (0: no limit).",
        "zh": "管理员可以修改：/settings clone everyone|admins、/settings share on|off、"
        "/settings quota 字符数（0 表示不限）。",
    },
    "cmd_clone": {
        "en": "Register a voice (reply to a voice message)",
        "zh": "登记声音（回复语音消息）",
    },
    "cmd_say": {"en": "Speak text in a voice", "zh": "用某个声音朗读文字"},
    "cmd_voices": {"en": "List voices", "zh": "列出声音"},
    "cmd_myvoice": {
        "en": "Prove a voice is yours by reading a phrase aloud",
        "zh": "朗读一句短语，证明声音是你自己的",
    },
    "cmd_myvoices": {
        "en": "Voices made from your speech; revoke any",
        "zh": "用你的声音登记的声音；可撤销",
    },
    "cmd_forgetme": {"en": "Delete everything I keep about you", "zh": "删除我保存的关于你的一切"},
    "cmd_share": {
        "en": "Let others here use your voice, or not",
        "zh": "是否允许这里的其他人使用你的声音",
    },
    "cmd_settings": {
        "en": "Chat settings (admins): who clones, sharing, quota",
        "zh": "聊天设置（管理员）：谁可登记、共享、配额",
    },
    "cmd_design": {"en": "Speak in a voice described in words", "zh": "用文字描述的声音朗读"},
    "cmd_dialogue": {
        "en": "A conversation: one NAME: text line per turn",
        "zh": "对话：每行一句 名称: 文字",
    },
    "cmd_keep": {"en": "Keep a designed voice (reply to it)", "zh": "保留设计出的声音（回复它）"},
    "cmd_cancel": {"en": "Cancel your requests under way here", "zh": "取消你在这里进行中的请求"},
    "cmd_tune": {
        "en": "Set a voice's temperature/top_k/top_p/speed",
        "zh": "设置声音的采样参数和语速",
    },
    "cmd_default": {"en": "Set this chat's default voice", "zh": "设置本聊天的默认声音"},
    "cmd_rename": {"en": "Rename a voice", "zh": "重命名声音"},
    "cmd_delete": {"en": "Delete a voice", "zh": "删除声音"},
    "cmd_help": {"en": "How to use this bot", "zh": "使用说明"},
    "cmd_report": {"en": "Report a voice to this group's admins", "zh": "向本群管理员举报声音"},
}

text = phrasebook(TELEGRAM, translations("bots.telegram.locales"))
