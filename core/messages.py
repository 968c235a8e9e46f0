"""What the bot says, in English and Chinese: every sentence of the core, and those all the
chat adapters share. An adapter keeps its own in a table of its own (`phrasebook`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from core.domain import (
    VERIFIED,
    Forgotten,
    Progress,
    Report,
    Settled,
    SpaceRules,
    Voice,
    VoiceClip,
)
from core.errors import ScriptLineError, VoicebotError
from core.locales import Translations, language, render, translations

MESSAGES: dict[str, dict[str, str]] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": {
        "en": "Something went wrong on my side. Please try again in a moment.",
        "zh": "我这边出了点问题，请稍后再试。",
    },
    "error_config": {
        "en": "The bot is not configured correctly. Please tell its operator.",
        "zh": "机器人配置有误，请联系管理员。",
    },
    "error_bad_input": {
        "en": "I could not understand that request.",
        "zh": "我没有理解这个请求。",
    },
    "error_not_audio": {
        "en": "That file is not audio I can read. Send a voice message or an OGG, MP3, M4A, "
        "WAV or WebM/MP4 file.",
        "zh": "这个文件不是我能读取的音频。请发送语音消息，或 OGG、MP3、M4A、WAV、WebM/MP4 文件。",
    },
    "error_file_too_large": {
        "en": "That file is too big (the limit is {limit_mb:g} MB). A short clip of 6–30 seconds "
        "works best.",
        "zh": "文件太大了（上限 {limit_mb:g} MB）。6–30 秒的短片段效果最好。",
    },
    "error_audio_too_short": {
        "en": "That clip has only {seconds:.1f} s of speech; I need at least {minimum:g} s. "
        "6–30 seconds of one person talking works best.",
        "zh": "这段音频只有 {seconds:.1f} 秒的语音，至少需要 {minimum:g} 秒。"
        "最好是 6–30 秒的单人讲话。",
    },
    "error_no_speech": {
        "en": "I could not hear anyone speaking in that clip. Try a clip with clear speech.",
        "zh": "这段音频里听不到讲话声，请换一段清晰的语音。",
    },
    "error_bad_voice_name": {
        "en": "“{name}” cannot be a voice name. Use 1–32 letters, digits, - or _ "
        "(no spaces), for example: grandpa_joe.",
        "zh": "“{name}”不能用作声音名称。请使用 1–32 个字母、数字、- 或 _（不含空格），"
        "例如：爷爷。",
    },
    "error_voice_name_taken": {
        "en": "There is already a voice called “{name}” here. Pick another name, or delete "
        "the old one first.",
        "zh": "这里已经有名为“{name}”的声音了。请换个名字，或先删除旧的。",
    },
    "error_voice_not_found": {
        "en": "I don't know a voice called “{name}” here.",
        "zh": "这里没有名为“{name}”的声音。",
    },
    "error_voice_not_found_suggest": {
        "en": "I don't know a voice called “{name}” here. Did you mean: {suggestions}?",
        "zh": "这里没有名为“{name}”的声音。你是不是想找：{suggestions}？",
    },
    "error_not_your_voice": {
        "en": "Only the person who registered “{name}”, or an admin here, can change it.",
        "zh": "只有登记“{name}”的人或这里的管理员才能修改它。",
    },
    "error_take_gone": {
        "en": "I no longer have that request. Please send it again.",
        "zh": "我已经找不到那个请求了，请重新发送。",
    },
    "error_no_description": {
        "en": "Describe the voice, then the text, for example: /design warm elderly man, slow "
        "| Good evening, everyone.",
        "zh": "请先描述声音，再写文字，例如：/design 温和的老人，语速慢 | 大家晚上好。",
    },
    "error_script_line": {"en": "Line {line}: {problem}", "zh": "第 {line} 行：{problem}"},
    "error_script_syntax": {
        "en": 'write each line as NAME: text, or "description": text.',
        "zh": '每行请写成 名称: 文字，或 "描述": 文字。',
    },
    "error_script_too_long": {
        "en": "a dialogue has at most 50 lines.",
        "zh": "对话最多 50 行。",
    },
    "error_speaker_unknown": {
        "en": "I can't tell whose voice that is (a hidden forward, or a bot), so I can't ask "
        "them. Clone a voice message its speaker sent themselves.",
        "zh": "我无法确认这是谁的声音（隐藏来源的转发或机器人），也就无法征得本人同意。"
        "请克隆本人亲自发送的语音消息。",
    },
    "error_cloning_restricted": {
        "en": "In this chat, only admins (or members with the chosen role) can register voices.",
        "zh": "在这个聊天中，只有管理员（或拥有指定角色的成员）可以登记声音。",
    },
    "error_not_the_speaker": {
        "en": "Only {name} can decide this: it is their voice.",
        "zh": "只有 {name} 本人可以决定：这是他/她的声音。",
    },
    "error_request_closed": {
        "en": "This request is no longer open: it was answered, it expired, or the voice was "
        "deleted.",
        "zh": "这个请求已失效：已被处理、已过期，或声音已被删除。",
    },
    "error_admins_only": {
        "en": "Only admins of this chat can change its settings.",
        "zh": "只有本聊天的管理员可以修改设置。",
    },
    "error_groups_only": {
        "en": "Settings are for groups and servers; in a private chat your voices are yours "
        "alone.",
        "zh": "设置仅适用于群组和服务器；私聊中的声音只属于你。",
    },
    "error_role_needed": {
        "en": "Say which role may register voices.",
        "zh": "请指定可以登记声音的角色。",
    },
    "error_bad_quota": {
        "en": "The daily quota is a number of characters: 0 (no limit) or more.",
        "zh": "每日配额是字符数：0（不限）或更多。",
    },
    "error_voice_pending": {
        "en": "“{name}” is waiting for its speaker's approval; it can speak once they agree.",
        "zh": "“{name}”正在等待本人同意，同意后才能使用。",
    },
    "error_voice_awaiting_admin": {
        "en": "“{name}” is waiting for approval by an admin of this chat; it can speak once "
        "one approves it.",
        "zh": "“{name}”正在等待本聊天管理员的批准，批准后才能使用。",
    },
    "error_statement_needed": {
        "en": "An uploaded file could be anyone's voice, so say whose it is: own (your own "
        "voice) or permission (someone who gave you permission), e.g. /clone NAME own.",
        "zh": "上传的文件可能是任何人的声音，请说明是谁的：own（你自己的声音）或 permission"
        "（已同意的他人），例如 /clone 名称 own。",
    },
    "error_admin_approves": {
        "en": "Only an admin of this chat can approve or decline a voice made from an "
        "uploaded file.",
        "zh": "只有本聊天的管理员可以批准或拒绝用上传文件登记的声音。",
    },
    "error_upload_not_shareable": {
        "en": "“{name}” was made from an uploaded file that no admin of a chat approved, so "
        "it stays yours alone and cannot be shared. Register it in a group, where an admin "
        "can approve it.",
        "zh": "“{name}”来自未经任何聊天管理员批准的上传文件，因此只能你自己使用，无法共享。"
        "请在群组中登记，由管理员批准。",
    },
    "error_quota": {
        "en": "You have used {used} of your {limit} characters for today here. More in {hours} h.",
        "zh": "你今天在这里已使用 {used}/{limit} 个字符，{hours} 小时后恢复。",
    },
    "error_already_requested": {
        "en": "I am already on that one; the voice comes as soon as it is ready.",
        "zh": "这个请求我已经在处理了，声音准备好就会发出。",
    },
    "error_cancelled": {"en": "✖ Cancelled.", "zh": "✖ 已取消。"},
    "error_not_your_request": {
        "en": "Only the person who asked for this can cancel it.",
        "zh": "只有发出这个请求的人才能取消它。",
    },
    "error_not_your_take": {
        "en": "Only the person who designed this voice can keep it.",
        "zh": "只有设计这个声音的人才能保留它。",
    },
    "error_too_many_voices": {
        "en": "You have registered {limit} voices already, the most one person may. Delete "
        "one you no longer use (/voices), then try again.",
        "zh": "你已经登记了 {limit} 个声音，达到了每人的上限。"
        "请先删除一个不再使用的声音（/voices），再试一次。",
    },
    "error_too_many_voices_here": {
        "en": "This chat holds {limit} voices already, the most it may. Delete one it no longer "
        "uses (/voices), then try again.",
        "zh": "这个聊天已有 {limit} 个声音，达到了上限。"
        "请先删除一个不再使用的声音（/voices），再试一次。",
    },
    "error_voice_suspended": {
        "en": "“{name}” is suspended here: someone reported it. It can speak again once an "
        "admin of this chat restores it.",
        "zh": "“{name}”在这里已被暂停：有人举报了它。本聊天的管理员恢复后才能再次使用。",
    },
    "error_already_suspended": {
        "en": "“{name}” was reported already: it is suspended here until an admin of this chat "
        "restores or deletes it.",
        "zh": "“{name}”已经被举报过了：在本聊天的管理员恢复或删除之前，它在这里处于暂停状态。",
    },
    "error_reports_in_groups": {
        "en": "Reports are for groups and servers; in a private chat your voices are yours alone.",
        "zh": "举报仅适用于群组和服务器；私聊中的声音只属于你。",
    },
    "error_no_voice_to_report": {
        "en": "That voice message was not spoken in a stored voice (it was a designed voice or "
        "a dialogue). Report a voice by its name instead.",
        "zh": "这条语音消息不是用已登记的声音说的（是设计的声音或对话）。请改用名称举报声音。",
    },
    "error_admins_settle": {
        "en": "Only an admin of this chat can restore or delete a reported voice.",
        "zh": "只有本聊天的管理员可以恢复或删除被举报的声音。",
    },
    "error_report_settled": {
        "en": "This report was dealt with already, or its voice was deleted.",
        "zh": "这个举报已经处理过了，或者该声音已被删除。",
    },
    "error_queue_full": {
        "en": "I'm very busy right now. Please try again in a few minutes.",
        "zh": "我现在非常忙，请几分钟后再试。",
    },
    "error_busy": {
        "en": "I'm swamped for a moment and could not do that; nothing was changed. Please "
        "try again in a minute.",
        "zh": "我这会儿忙不过来，没能完成，也没有做任何改动。请一分钟后再试。",
    },
    "error_too_fast": {
        "en": "That's a lot of requests in a short time. Please try again in {seconds} s.",
        "zh": "短时间内请求太多了，请 {seconds} 秒后再试。",
    },
    "error_voice_gone": {
        "en": "That voice no longer exists.",
        "zh": "这个声音已经不存在了。",
    },
    "error_no_voice_given": {
        "en": "Which voice? Write /say NAME text, or pick a default voice for this chat with "
        "/default NAME.",
        "zh": "用哪个声音？请写 /say 名称 文本，或用 /default 名称 为本聊天设置默认声音。",
    },
    "error_empty_text": {
        "en": "Tell me what to say, for example: /say NAME Hello there!",
        "zh": "请告诉我要说什么，例如：/say 名称 你好！",
    },
    "error_text_too_long": {
        "en": "That text is {length} characters long; the limit is {limit}. Please shorten it.",
        "zh": "文本有 {length} 个字符，上限是 {limit}。请缩短一些。",
    },
    "error_translation_too_long": {
        "en": "Translated, that text is {length} characters long; the limit is {limit}. Please "
        "shorten it.",
        "zh": "翻译后的文本有 {length} 个字符，上限是 {limit}。请缩短一些。",
    },
    "error_unknown_language": {
        "en": "I can't say it in “{code}”. The languages I translate into: {languages}.",
        "zh": "我不能用“{code}”来说。我能翻译成这些语言：{languages}。",
    },
    "error_translation_unavailable": {
        "en": "Translating needs the speech service, which this bot is not set up with. Leave "
        "out the language to hear the text as written.",
        "zh": "翻译需要语音服务，而这个机器人尚未配置。不指定语言即可按原文朗读。",
    },
    "error_bad_sampling": {
        "en": "{field} must be between {low} and {high}.",
        "zh": "{field} 必须在 {low} 到 {high} 之间。",
    },
    "error_unknown_setting": {
        "en": "I don't know the setting “{name}”: use temperature=, top_k=, top_p= or speed=.",
        "zh": "没有“{name}”这个参数：请使用 temperature=、top_k=、top_p= 或 speed=。",
    },
    "error_transcript_needed": {
        "en": "I need the words spoken in that clip. Add them as the transcript and try again.",
        "zh": "我需要这段音频里说的原话。请附上文字稿后重试。",
    },
    "error_listening_unavailable": {
        "en": "I can't listen to voice messages here: saying their words in another voice "
        "needs the speech service, which this bot is not set up with.",
        "zh": "这里我听不了语音消息：用另一个声音重说其中的话需要语音服务，而这个机器人尚未配置。",
    },
    "error_clip_too_long": {
        "en": "That recording is longer than {limit} seconds, more than I listen to at once. "
        "Please send a shorter one.",
        "zh": "这段录音超过 {limit} 秒，超出了我一次能听的长度。请发一段短一些的。",
    },
    "error_upstream": {
        "en": "The speech service had a problem. Please try again in a moment.",
        "zh": "语音服务出了问题，请稍后再试。",
    },
    "error_upstream_auth": {
        "en": "The speech service refused the bot's API key. Please tell the bot's operator.",
        "zh": "语音服务拒绝了机器人的 API 密钥，请联系管理员。",
    },
    "error_upstream_balance": {
        "en": "The bot's speech-service balance has run out. Please tell the bot's operator.",
        "zh": "机器人的语音服务余额已用完，请联系管理员。",
    },
    "error_upstream_rate_limited": {
        "en": "The speech service is busy right now. Please try again in a minute.",
        "zh": "语音服务现在很忙，请一分钟后再试。",
    },
    "error_upstream_rejected": {
        "en": "The speech service could not use that request. Try different text or another "
        "voice.",
        "zh": "语音服务无法处理这个请求。请换一段文字或换一个声音试试。",
    },
    "error_reference_unreachable": {
        "en": "The speech service could not use this voice's reference clip. Try registering "
        "the voice again from a clearer clip.",
        "zh": "语音服务无法使用这个声音的参考音频。请用更清晰的片段重新登记。",
    },
    "error_upstream_unavailable": {
        "en": "The speech service is not reachable right now. Please try again in a few minutes.",
        "zh": "暂时无法连接语音服务，请几分钟后再试。",
    },
    "error_upstream_timeout": {
        "en": "The speech service took too long to answer. Please try again.",
        "zh": "语音服务响应超时，请重试。",
    },
    "error_task_failed": {
        "en": "The speech service could not generate that. Please try again, perhaps with "
        "shorter text.",
        "zh": "语音服务生成失败。请重试，或缩短文字。",
    },
    "error_bad_upstream_audio": {
        "en": "The speech service sent back audio I could not play. Please try again.",
        "zh": "语音服务返回的音频无法播放，请重试。",
    },
    "error_result_refused": {
        "en": "The speech service offered the audio from a place I don't download from, so I "
        "left it there. Please tell the bot's operator.",
        "zh": "语音服务给出的音频地址不在允许下载的范围内，我没有下载。请联系管理员。",
    },
    "error_result_too_large": {
        "en": "The speech service sent back far more audio than I asked for, so I stopped. "
        "Please try again, perhaps with shorter text.",
        "zh": "语音服务返回的音频远超预期，我已停止接收。请重试，或缩短文字。",
    },
    # --- progress and results --------------------------------------------------------------
    "progress_queued": {
        "en": "Waiting in line (position {position})…",
        "zh": "排队中（第 {position} 位）…",
    },
    "progress_translating": {"en": "Translating…", "zh": "正在翻译…"},
    "progress_preparing": {"en": "Preparing the voice…", "zh": "正在准备声音…"},
    "progress_generating": {"en": "Generating speech…", "zh": "正在生成语音…"},
    "progress_generating_parts": {
        "en": "Generating speech: part {part} of {parts}…",
        "zh": "正在生成语音：第 {part} 部分，共 {parts} 部分…",
    },
    "progress_encoding": {"en": "Encoding the voice message…", "zh": "正在编码语音消息…"},
    "voice_saved": {
        "en": "Saved voice “{name}” ({seconds:.1f} s). Transcript: “{transcript}”",
        "zh": "已保存声音“{name}”（{seconds:.1f} 秒）。文字稿：“{transcript}”",
    },
    "voice_saved_no_transcript": {
        "en": "Saved voice “{name}” ({seconds:.1f} s). It has no transcript yet: it will be "
        "transcribed when the speech service is configured.",
        "zh": "已保存声音“{name}”（{seconds:.1f} 秒）。暂无文字稿：配置语音服务后会自动转写。",
    },
    "voice_deleted": {"en": "Deleted voice “{name}”.", "zh": "已删除声音“{name}”。"},
    "voice_renamed": {
        "en": "Renamed “{old}” to “{new}”.",
        "zh": "已将“{old}”重命名为“{new}”。",
    },
    "voices_empty": {
        "en": "No voices here yet. Register one from a clip of someone speaking.",
        "zh": "这里还没有声音。用一段讲话录音登记一个吧。",
    },
    "voices_header": {"en": "Voices you can use here:", "zh": "这里可用的声音："},
    "voices_more": {
        "en": "…and {count} more: use /say with the name.",
        "zh": "……还有 {count} 个：用 /say 加名称即可。",
    },
    "offline_notice": {
        "en": "No AI302_API_KEY set: using the offline stand-in engine (espeak-ng). It does "
        "not clone voices; set a key for the real thing.",
        "zh": "未设置 AI302_API_KEY：使用离线替代引擎（espeak-ng），它不会克隆声音；"
        "设置密钥后即可使用真实引擎。",
    },
    "synthetic_label": {"en": "synthetic voice: {name}", "zh": "合成声音：{name}"},
    "synthetic_label_designed": {
        "en": "synthetic voice (designed): {description}",
        "zh": "合成声音（设计）：{description}",
    },
    "button_again": {"en": "🔁 Another take", "zh": "🔁 再来一次"},
    "button_steadier": {"en": "🎯 Steadier", "zh": "🎯 更稳"},
    "button_livelier": {"en": "🎨 Livelier", "zh": "🎨 更生动"},
    "button_cancel_request": {"en": "✖ Cancel", "zh": "✖ 取消"},
    "cancel_done": {
        "en": "Cancelled {count, plural, one {# request} other {# requests}}.",
        "zh": "已取消 {count} 个请求。",
    },
    "cancel_nothing": {
        "en": "You have nothing under way here to cancel.",
        "zh": "你在这里没有正在进行的请求可以取消。",
    },
    "cancel_over": {
        "en": "That request is not under way any more.",
        "zh": "这个请求已经不在进行中了。",
    },
    "button_keep_voice": {"en": "💾 Keep this voice", "zh": "💾 保留这个声音"},
    "voice_tuned": {
        "en": "“{name}” now speaks with: {settings}.",
        "zh": "“{name}”现在的参数：{settings}。",
    },
    "voice_tuned_default": {
        "en": "“{name}” now speaks with the service's default settings.",
        "zh": "“{name}”现在使用服务的默认参数。",
    },
    "voice_default_set": {
        "en": "“{name}” is now the default voice here: /say with just text uses it.",
        "zh": "“{name}”现在是这里的默认声音：/say 后直接写文字即可使用。",
    },
    "confirm_delete": {
        "en": "Delete the voice “{name}”? This cannot be undone.",
        "zh": "删除声音“{name}”？此操作无法撤销。",
    },
    "voice_kept": {"en": "Kept “{name}”.", "zh": "已保留“{name}”。"},
    "button_default": {"en": "★ Default", "zh": "★ 设为默认"},
    "button_delete": {"en": "🗑 Delete", "zh": "🗑 删除"},
    "button_confirm_delete": {"en": "Yes, delete", "zh": "确认删除"},
    "button_keep": {"en": "Keep it", "zh": "保留"},
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": {
        "en": "“{name}” is saved, but it cannot speak until {speaker} agrees. I have asked them.",
        "zh": "“{name}”已保存，但需要 {speaker} 同意后才能使用。我已经询问了对方。",
    },
    "consent_unreached": {
        "en": "I could not reach {speaker} after all, so they have not been asked; they can "
        "still approve “{name}” with /myvoices.",
        "zh": "我最终没能联系到 {speaker}，对方尚未被询问；对方仍可以用 /myvoices 同意“{name}”。",
    },
    "consent_request": {
        "en": "{speaker}, {owner} wants to register your voice as “{name}” from this message. "
        "Until you approve, it cannot speak; unanswered, it is deleted in {hours:g} h. "
        "See or revoke your voices any time with /myvoices.",
        "zh": "{speaker}，{owner} 想用这条消息把你的声音登记为“{name}”。你同意之前它无法使用；"
        "{hours:g} 小时内未回复将被删除。随时可用 /myvoices 查看或撤销。",
    },
    "voice_pending_admin": {
        "en": "“{name}” is saved, but it cannot speak until an admin of this chat approves "
        "it. I have asked here.",
        "zh": "“{name}”已保存，但需要本聊天的管理员批准后才能使用。我已在这里发出请求。",
    },
    "voice_saved_upload": {
        "en": "Only you can use it: a voice from an uploaded file is not shared.",
        "zh": "只有你可以使用它：用上传文件登记的声音不会共享。",
    },
    "consent_unreached_admin": {
        "en": "I could not post the request for an admin here, so no admin has been asked; "
        "“{name}” cannot speak until one approves it, and is deleted if none does.",
        "zh": "我没能在这里发出给管理员的请求，所以还没有管理员被询问；"
        "“{name}”需要管理员批准才能使用，若无人批准将被删除。",
    },
    "consent_request_admin": {
        "en": "An admin of this chat must approve this: {owner} uploaded a file as the voice "
        "“{name}” and says it is {statement}. Until an admin approves, it cannot speak; "
        "unanswered, it is deleted in {hours:g} h.",
        "zh": "需要本聊天的管理员批准：{owner} 上传了一个文件，登记为声音“{name}”，"
        "并声明这是{statement}。管理员批准前它无法使用；{hours:g} 小时内无人处理将被删除。",
    },
    "statement_own": {"en": "their own voice", "zh": "本人自己的声音"},
    "statement_permission": {
        "en": "the voice of someone who gave permission",
        "zh": "已同意使用的他人的声音",
    },
    "console_upload_reminder": {
        "en": "Reminder: clone a voice only with its speaker's permission.",
        "zh": "提醒：只有征得本人同意，才能克隆其声音。",
    },
    # --- proving a voice is your own: a fresh phrase read aloud (core.proof) --------------
    "proof_challenge": {
        "en": "🎙 To prove “{name}” is your own voice, reply to this message within "
        "{minutes:g} min with a voice message of you reading aloud:\n\n{phrase}\n\nYour "
        "reading itself becomes the voice “{name}”, ready at once.",
        "zh": "🎙 要证明“{name}”是你自己的声音，请在 {minutes:g} 分钟内用一条语音消息回复"
        "本消息，朗读：\n\n{phrase}\n\n你的这段朗读本身将成为声音“{name}”，立即可用。",
    },
    "proof_verified": {
        "en": "✅ Verified: your reading matched the phrase ({score}%). “{name}” is saved as "
        "your own voice ({seconds:.1f} s) and can speak now.",
        "zh": "✅ 验证通过：你的朗读与短语相符（{score}%）。“{name}”已保存为你自己的声音"
        "（{seconds:.1f} 秒），现在就可以使用。",
    },
    "proof_replaced": {
        "en": "It takes the place of the file you uploaded as “{name}”.",
        "zh": "它取代了你以“{name}”上传的文件。",
    },
    "proof_hint": {
        "en": "If it is your own voice, you can have it ready at once instead: /myvoice "
        "{name} shows you a short phrase to read aloud in a voice message.",
        "zh": "如果这是你自己的声音，也可以让它立即可用：/myvoice {name} 会给你一句短语，"
        "用语音消息朗读即可。",
    },
    "error_proof_unavailable": {
        "en": "I can't check readings here: proving a voice by reading a phrase aloud needs "
        "the speech service, which this bot is not set up with.",
        "zh": "这里无法核对朗读：朗读验证需要语音服务，而这个机器人尚未配置。",
    },
    "error_no_challenge": {
        "en": "I haven't asked you to read anything here (or that phrase was used already). "
        "To prove a voice is your own, ask me for a phrase with /myvoice.",
        "zh": "我没有在这里请你朗读任何内容（或那句话已经用过）。"
        "要证明声音是你自己的，请用 /myvoice 向我索取一句短语。",
    },
    "error_challenge_expired": {
        "en": "The phrase for “{name}” ran out of time (you had {minutes:g} min). Ask me for "
        "a new one with /myvoice.",
        "zh": "“{name}”的朗读短语已过期（时限 {minutes:g} 分钟）。请用 /myvoice 重新索取。",
    },
    "error_live_reading_needed": {
        "en": "Read the phrase in a voice message you record yourself, right here: an "
        "uploaded file or a forwarded message could be anyone's voice.",
        "zh": "请自己当场录一条语音消息来朗读这句话：上传的文件或转发的消息可能是任何人的声音。",
    },
    "error_reading_mismatch": {
        "en": "That reading was not close enough to the phrase: {score}% of it was heard as "
        "written, and {needed}% is needed. Try a new phrase: within {minutes:g} min, reply to "
        "this message with a voice message reading aloud:\n\n{phrase}",
        "zh": "这段朗读与短语相差较大：听到的内容有 {score}% 与原文相符，需要 {needed}%。"
        "请换一句再试：在 {minutes:g} 分钟内用一条语音消息回复本消息，朗读：\n\n{phrase}",
    },
    "button_approve": {"en": "✅ Approve", "zh": "✅ 同意"},
    "button_decline": {"en": "❌ Decline", "zh": "❌ 拒绝"},
    "consent_approved": {
        "en": "✅ {speaker} approved: “{name}” can speak now.",
        "zh": "✅ {speaker} 已同意：“{name}”现在可以使用了。",
    },
    "consent_declined": {
        "en": "❌ {speaker} declined: “{name}” and its clip are deleted.",
        "zh": "❌ {speaker} 已拒绝：“{name}”及其音频已删除。",
    },
    "myvoices_empty": {
        "en": "No voice has been made from your speech.",
        "zh": "还没有人用你的声音登记过声音。",
    },
    "myvoices_header": {
        "en": "Voices made from your speech (revoking deletes one everywhere):",
        "zh": "用你的声音登记的声音（撤销即在所有地方删除）：",
    },
    "myvoice_line": {
        "en": "• {name}: made by {owner} on {made}; {state}; used "
        "{uses, plural, one {once} other {# times}}",
        "zh": "• {name}：由 {owner} 于 {made} 登记；{state}；已使用 {uses} 次",
    },
    "myvoice_pending": {"en": "waiting for your approval", "zh": "等待你的同意"},
    "myvoice_approved": {"en": "approved {when}", "zh": "于 {when} 同意"},
    "myvoice_own": {"en": "your own", "zh": "你自己登记的"},
    "myvoice_verified": {
        "en": "your own, proven by reading a phrase aloud",
        "zh": "你自己的，已通过朗读验证",
    },
    "button_revoke": {"en": "🗑 Revoke {name}", "zh": "🗑 撤销 {name}"},
    "voice_revoked": {
        "en": "“{name}” is deleted everywhere, with its clip.",
        "zh": "“{name}”及其音频已在所有地方删除。",
    },
    "copy_hosted": {
        "en": " A copy uploaded to the speech service when it first spoke stays at an unlisted "
        "address nobody else was given: the service offers no way to delete it.",
        "zh": "它第一次说话时上传到语音服务的一份副本仍在一个未公开、未提供给任何人的地址上："
        "该服务不提供删除方式。",
    },
    "forget_confirm": {
        "en": "This deletes every voice you made or that was made from your speech, their "
        "clips, your requests and your settings here. It cannot be undone.",
        "zh": "这将删除你登记的以及用你的声音登记的所有声音、它们的音频、你的请求记录和设置，"
        "且无法恢复。",
    },
    "button_forget": {"en": "Delete everything", "zh": "全部删除"},
    "button_cancel": {"en": "Cancel", "zh": "取消"},
    "forget_cancelled": {"en": "Nothing was deleted.", "zh": "未删除任何内容。"},
    "forgotten": {
        "en": "Done. Deleted {voices, plural, one {# voice} other {# voices}}, "
        "{clips, plural, one {# audio clip} other {# audio clips}}, "
        "{jobs, plural, one {# request} other {# requests}} and "
        "{settings, plural, one {# setting} other {# settings}}.",
        "zh": "完成。已删除 {voices} 个声音、{clips} 段音频、{jobs} 条请求和 {settings} 项设置。",
    },
    "forgotten_hosted": {
        "en": " {hosted, plural, one {# clip had} other {# clips had}} been uploaded to the "
        "speech service, which offers no way to delete them; they sit at unlisted addresses "
        "nobody else was given.",
        "zh": "其中 {hosted} 段音频曾上传到语音服务，该服务不提供删除方式；"
        "它们的地址未公开，也未提供给任何人。",
    },
    "voice_shared": {
        "en": "Everyone here may now use “{name}”.",
        "zh": "现在这里的每个人都可以使用“{name}”了。",
    },
    "voice_unshared": {
        "en": "“{name}” is now yours alone: only you can use it.",
        "zh": "“{name}”现在只有你可以使用。",
    },
    "rules": {
        "en": "Settings here:\n• who may register voices: {who}\n• members may use each "
        "other's voices: {share}\n• characters per member per day: {quota}",
        "zh": "本聊天的设置：\n• 谁可以登记声音：{who}\n• 成员可以使用他人的声音：{share}\n"
        "• 每位成员每天的字符数：{quota}",
    },
    "rules_everyone": {"en": "everyone", "zh": "所有人"},
    "rules_admins": {"en": "admins only", "zh": "仅管理员"},
    "rules_role": {"en": "admins and {role}", "zh": "管理员和 {role}"},
    "rules_yes": {"en": "yes", "zh": "是"},
    "rules_no": {"en": "no", "zh": "否"},
    "rules_no_limit": {"en": "no limit", "zh": "不限"},
    "voice_line_pending": {"en": " (waiting for its speaker)", "zh": "（等待本人同意）"},
    "voice_line_unshared": {"en": " (only its owner)", "zh": "（仅登记者可用）"},
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": {"en": " (suspended: reported)", "zh": "（已暂停：被举报）"},
    "report_confirmed": {
        "en": "Thank you. “{name}” is reported: it cannot speak here until an admin of this "
        "chat restores or deletes it.",
        "zh": "谢谢。“{name}”已被举报：在本聊天的管理员恢复或删除之前，它在这里无法使用。",
    },
    "report_notice": {
        "en": "⚠️ {told}: {reporter} reported the voice “{name}”. It is suspended here until an "
        "admin of this chat restores or deletes it.",
        "zh": "⚠️ {told}：{reporter} 举报了声音“{name}”。在本聊天的管理员恢复或删除之前，"
        "它在这里处于暂停状态。",
    },
    "report_reason": {"en": "\nReason given: {reason}", "zh": "\n举报理由：{reason}"},
    "report_and": {"en": " and ", "zh": "和"},
    "button_restore": {"en": "✅ Restore", "zh": "✅ 恢复"},
    "button_delete_reported": {"en": "🗑 Delete", "zh": "🗑 删除"},
    "report_restored": {
        "en": "✅ {admin} restored “{name}”: it can speak here again.",
        "zh": "✅ {admin} 恢复了“{name}”：它在这里可以再次使用了。",
    },
    "report_deleted": {
        "en": "🗑 {admin} deleted “{name}” and its clip.",
        "zh": "🗑 {admin} 删除了“{name}”及其音频。",
    },
    "report_barred": {
        "en": "🚫 {admin} removed “{name}” from this chat: it is its owner's personal voice, so "
        "it is kept for them, but it cannot speak here any more.",
        "zh": "🚫 {admin} 将“{name}”从本聊天移除：它是登记者的个人声音，仍为其保留，"
        "但在这里不能再使用。",
    },
}


TRANSLATED = translations("core.locales")


def text(key: str, locale: str | None = None, **params: Any) -> str:
    """The sentence for `key` in the user's language, filled with `params`."""
    if key not in MESSAGES:
        key = "error_unexpected"
    return _said(MESSAGES, TRANSLATED, key, language(locale), params)


Text = Callable[..., str]  # `text`, for an adapter: (key, locale, **params) -> sentence


def phrasebook(own: dict[str, dict[str, str]], translated: Translations) -> Text:
    """A `text` that knows an adapter's own sentences (and their translations, language →
    key → template) besides the shared ones."""

    def platform_text(key: str, locale: str | None = None, **params: Any) -> str:
        if key not in own:
            return text(key, locale, **params)
        return _said(own, translated, key, language(locale), params)

    return platform_text


def _said(
    table: dict[str, dict[str, str]],
    translated: Translations,
    key: str,
    lang: str,
    params: dict[str, Any],
) -> str:
    """`key` of `table` in `lang`: beside the key, in the language's module, else English."""
    template = table[key].get(lang) or translated.get(lang, {}).get(key) or table[key]["en"]
    return render(template, lang, params)


def progress_text(progress: Progress, locale: str | None = None) -> str:
    """The status line for a stage of making a voice."""
    if progress.stage == "generating" and progress.parts > 1:
        part = min(progress.done + 1, progress.parts)
        return text("progress_generating_parts", locale, part=part, parts=progress.parts)
    return text(f"progress_{progress.stage}", locale, position=progress.position)


def label_text(clip: VoiceClip, locale: str | None = None) -> str:
    """The short "synthetic voice" label every generated message carries."""
    if clip.description:
        short = clip.description if len(clip.description) <= 60 else clip.description[:59] + "…"
        return text("synthetic_label_designed", locale, description=short)
    return text("synthetic_label", locale, name=clip.voice_name)


def tuned_text(voice: Voice, locale: str | None = None) -> str:
    settings = ", ".join(f"{k}={v}" for k, v in voice.sampling.as_params().items())
    if not settings:
        return text("voice_tuned_default", locale, name=voice.name)
    return text("voice_tuned", locale, name=voice.name, settings=settings)


def saved_text(voice: Voice, locale: str | None = None) -> str:
    """What a user is told when a voice is registered: name, length, the words it will use."""
    key = "voice_saved" if voice.transcript else "voice_saved_no_transcript"
    return text(key, locale, name=voice.name, seconds=voice.seconds, transcript=voice.transcript)


def pending_text(voice: Voice, locale: str | None = None, *, speaker: str) -> str:
    """Told to whoever cloned someone else's voice: saved, waiting for `speaker`."""
    return text("voice_pending", locale, name=voice.name, speaker=speaker)


def registered_text(voice: Voice, locale: str | None = None, *, speaker: str = "") -> str:
    """What the requester is told: saved (for an unshared upload, that it is theirs alone),
    or saved and waiting for its speaker (named as the chat shows them) or a chat admin."""
    if voice.awaits_admin:
        saved = text("voice_pending_admin", locale, name=voice.name)
    elif voice.pending and voice.speaker is not None:
        return pending_text(voice, locale, speaker=speaker or voice.speaker.name)
    else:
        saved = saved_text(voice, locale)
        if voice.unvouched:
            saved += " " + text("voice_saved_upload", locale)
    if voice.provable:  # said to be the uploader's own: they can prove it by reading aloud
        saved += " " + text("proof_hint", locale, name=voice.name)
    return saved


def challenge_text(name: str, phrase: str, minutes: float, locale: str | None = None) -> str:
    """The phrase a user is to read aloud, to prove the voice `name` is theirs."""
    return text("proof_challenge", locale, name=name, phrase=phrase, minutes=minutes)


def proven_text(
    voice: Voice, score: int, locale: str | None = None, *, replaced: bool = False
) -> str:
    """A reading matched its phrase (`score`: percent heard as written): the voice is ready;
    said too when it took the place of the user's upload of that name."""
    words = text("proof_verified", locale, name=voice.name, score=score, seconds=voice.seconds)
    if replaced:
        words += " " + text("proof_replaced", locale, name=voice.name)
    return words


def unreached_text(voice: Voice, locale: str | None = None) -> str:
    """Told to whoever cloned someone else's voice when the request reached them nowhere
    (for an upload: when it could not be put to the chat's admins)."""
    if voice.awaits_admin:
        return text("consent_unreached_admin", locale, name=voice.name)
    speaker = voice.speaker.name if voice.speaker is not None else ""
    return text("consent_unreached", locale, name=voice.name, speaker=speaker)


def admin_request_text(
    voice: Voice, hours: float, locale: str | None = None, *, owner: str
) -> str:
    """The request for a chat admin to approve an uploaded voice: who uploaded it (`owner`, as
    the chat shows them) and whose they said it is."""
    return text(
        "consent_request_admin",
        locale,
        owner=owner,
        name=voice.name,
        statement=text(f"statement_{voice.statement}", locale),
        hours=round(hours, 1),
    )


def consent_text(
    voice: Voice, hours: float, locale: str | None = None, *, speaker: str, owner: str
) -> str:
    """The approval request put to a voice's speaker (`speaker`/`owner` as the chat shows
    them: a mention, a name)."""
    return text(
        "consent_request",
        locale,
        speaker=speaker,
        owner=owner,
        name=voice.name,
        hours=round(hours, 1),
    )


def my_voices_text(voices: list[Voice], locale: str | None = None) -> str:
    """The speaker's view of the voices made from their speech: who, when, approved, uses."""
    if not voices:
        return text("myvoices_empty", locale)
    lines = [text("myvoices_header", locale)]
    for voice in voices:
        if voice.pending:
            state = text("myvoice_pending", locale)
        elif voice.statement == VERIFIED:
            state = text("myvoice_verified", locale)
        elif voice.approved_at is not None:
            state = text("myvoice_approved", locale, when=f"{voice.approved_at:%Y-%m-%d}")
        else:
            state = text("myvoice_own", locale)
        lines.append(
            text(
                "myvoice_line",
                locale,
                name=voice.name,
                owner=voice.owner_name or "?",
                made=f"{voice.created_at:%Y-%m-%d}",
                state=state,
                uses=voice.uses,
            )
        )
    return "\n".join(lines)


def cancelled_text(count: int, locale: str | None = None) -> str:
    """What /cancel did: how many requests it cancelled, or that none was under way."""
    if not count:
        return text("cancel_nothing", locale)
    return text("cancel_done", locale, count=count)


def forgotten_text(forgotten: Forgotten, locale: str | None = None) -> str:
    words = text(
        "forgotten",
        locale,
        voices=forgotten.voices,
        clips=forgotten.clips,
        jobs=forgotten.jobs,
        settings=forgotten.settings,
    )
    if forgotten.hosted:
        words += text("forgotten_hosted", locale, hosted=forgotten.hosted)
    return words


def answered_text(key: str, voice: Voice, locale: str | None = None, *, speaker: str = "") -> str:
    """What a speaker's answer did (`consent_approved`, `consent_declined`, `voice_revoked`),
    saying truthfully what happens to a copy of the clip the speech service holds."""
    words = text(key, locale, speaker=speaker, name=voice.name)
    if key != "consent_approved" and voice.hosted_url:
        words += text("copy_hosted", locale)
    return words


def report_text(
    report: Report, locale: str | None = None, *, told: list[str], reporter: str, reason: str
) -> str:
    """The chat's notice of a report, to the voice's owner and speaker (`told`, as the chat
    shows them: mentions) from `reporter`, with the reason given (as the chat shows it)."""
    words = text(
        "report_notice",
        locale,
        told=text("report_and", locale).join(told),
        reporter=reporter,
        name=report.voice.name,
    )
    if reason:
        words += text("report_reason", locale, reason=reason)
    return words


def settled_text(settled: Settled, locale: str | None = None, *, admin: str) -> str:
    """What an admin's answer to a report did, saying truthfully what happens to a copy of a
    deleted voice's clip that the speech service holds."""
    words = text(f"report_{settled.outcome}", locale, admin=admin, name=settled.voice.name)
    if settled.outcome == "deleted" and settled.voice.hosted_url:
        words += text("copy_hosted", locale)
    return words


def rules_text(rules: SpaceRules, locale: str | None = None, *, role: str = "") -> str:
    """A space's settings; `role` is the clone role as the chat shows it."""
    who = text(f"rules_{rules.who_clones}", locale, role=role or rules.clone_role or "")
    share = text("rules_yes" if rules.members_use_others else "rules_no", locale)
    quota = str(rules.daily_chars) if rules.daily_chars else text("rules_no_limit", locale)
    return text("rules", locale, who=who, share=share, quota=quota)


def error_text(error: VoicebotError, locale: str | None = None) -> str:
    """The one friendly sentence for an error the core raised."""
    params = dict(error.params)
    if isinstance(error, ScriptLineError):
        problem = (
            error_text(error.inner, locale)
            if error.inner
            else text(error.params["problem"], locale)
        )
        return text(error.key, locale, line=error.params["line"], problem=problem)
    if error.key == "error_voice_not_found" and params.get("suggestions"):
        sep = "、" if language(locale) == "zh" else ", "
        params["suggestions"] = sep.join(params["suggestions"])
        return text("error_voice_not_found_suggest", locale, **params)
    return text(error.key, locale, **params)
