"""What only the Discord bot says, in Korean (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the Korean)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "등록한 목소리로 텍스트를 읽어 드려요.\n"
        "**목소리 등록**: 음성 메시지나 오디오 파일이 있는 메시지를 우클릭(길게 누르기) → 앱 → "
        "**이 목소리 복제**, 또는 그 메시지에 `@봇 clone 이름` 으로 답장, 또는 파일이라면 "
        "`/복제 이름: 오디오: 화자:` (서버에서는 관리자가 승인해요).\n"
        "**말하기**: `/말하기 목소리: 텍스트:` 로 음성 메시지를 올려요. `/기본목소리` 로 "
        "`목소리` 를 생략했을 때 쓸 목소리를 골라요. 긴 텍스트는 한 문장씩 읽어요. 결과마다 "
        "아래에: 🔁 다시 하기, 🎯 더 안정적으로, 🎨 더 생동감 있게. 마음이 바뀌었나요? 상태 "
        "아래의 ✖, 또는 이 채널에서의 내 요청 전체는 `/취소`.\n"
        "**말로 목소리 디자인**: `/디자인 설명: 텍스트:` 후 💾 로 저장.\n"
        "**대화**: `/대화` 후 한 마디마다 `이름: 텍스트` 한 줄.\n"
        "**미세 조정**: `/조정 목소리: temperature: top_k: top_p: 속도:` (속도 0.5–2: 느리게 "
        "또는 빠르게, 음높이는 그대로). `/말하기` 도 같은 옵션을 한 번의 요청에 받아요.\n"
        "**관리**: `/목소리목록` (듣기, 기본으로 설정, 삭제), `/이름변경`, `/삭제`, `/공유`.\n"
        "**동의**: 다른 사람의 목소리를 복제하면 먼저 본인에게 물어보고, 승인한 뒤에만 쓸 수 "
        "있어요. `/내목소리` 는 내 목소리로 만든 모든 목소리를 보여 줘요(취소 가능). "
        "`/내정보삭제` 는 제가 저장한 내 정보를 모두 삭제해요. 관리자: `/설정`.\n"
        "**목소리가 내 것임을 증명**하고 바로 쓰기: `/목소리증명 이름:` 을 입력하면 문장이 "
        "나와요. 그 문장을 소리 내어 읽은 음성 메시지로 답장하세요.\n"
        "서버 관리자에게 **목소리 신고**: `/신고 이름:`, 또는 제가 올린 음성 메시지에서 → 앱 → "
        "**목소리 신고**. 관리자가 복원하거나 삭제할 때까지 그 목소리는 쓸 수 없어요.\n"
        "서버에서 만든 목소리는 그 서버의 것이고, DM에서 만든 목소리는 나만 쓸 수 있어요. "
        "가장 좋은 클립: 한 사람이 말하는 6–30초."
    ),
    "dc_not_a_bot_voice": "제가 올린 음성 메시지가 아니에요. 제 메시지에서 ‘목소리 신고’를 "
    "쓰거나, /신고 이름: 으로 목소리 이름을 지정해 신고하세요.",
    "dc_no_audio": "이 메시지에는 복제할 음성 메시지나 오디오 파일이 없어요.",
    "dc_upload_use_clone": "업로드한 파일이라서 화자 본인이 녹음한 음성 메시지가 아니에요. "
    "누구의 목소리든 될 수 있어요. /복제 이름: 오디오: 화자: 로 등록하고 누구의 목소리인지 "
    "알려 주세요(서버에서는 그다음 관리자가 승인해요).",
    "dc_clone_usage": "음성 메시지나 오디오 파일에 @봇 clone 이름 으로 답장하세요"
    "(또는 @봇 clone 이름 | 그 안에서 말한 내용).",
    "dc_modal_title": "이 목소리 복제",
    "dc_modal_name": "목소리 이름",
    "dc_modal_transcript": "클립에서 말한 내용 (선택)",
    "dc_dialogue_title": "대화",
    "dc_report_title": "목소리 신고",
    "dc_report_reason": "이유 (선택: 관리자에게 전달됩니다)",
    "dc_dialogue_label": '한 줄에 한 마디: 이름: 텍스트, 또는 "설명": 텍스트',
    "dc_pick_voice": "목소리를 고르세요…",
    "dc_no_audio_to_say": "이 메시지에는 다시 말해 줄 음성 메시지나 오디오 파일이 없어요.",
    "dc_speak_as_title": "이 말을 다시 말하기",
    "dc_speak_as_voice": "어떤 목소리로 말할까요?",
    "dc_voice_panel": "**{name}** · {seconds:.0f}초 · “{transcript}”",
    "dc_button_sample": "▶ 듣기",
    "dc_button_approve_named": "✅ {name} 승인",
    "dc_button_decline_named": "❌ {name} 거절",
    "dc_said_by": "🔊 {label} · {user} 님 요청",
    "dc_voice_fallback": "이 채널에서는 음성 메시지를 올릴 수 없어서 오디오 파일로 보내요. "
    "서버 관리자가 저에게 **음성 메시지 보내기** 권한을 줄 수 있어요.",
    "dc_read_in_dm": "저는 이 채팅에 없어서 여기 답장은 받을 수 없어요. 읽은 음성은 저와의 DM에 "
    "음성 메시지로 보내 주세요 (제 프로필 → 메시지 보내기).",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "말하기",
    "Speak text in a stored voice, posted as a voice message.": "저장된 목소리로 텍스트를 "
    "읽어 음성 메시지로 올려요.",
    "text": "텍스트",
    "What to say": "말할 내용",
    "voice": "목소리",
    "Which voice (default: this server's default)": "사용할 목소리 (기본값: 이 서버의 기본 "
    "목소리)",
    "temperature": "temperature",
    "0–1.5: lower is steadier, higher livelier": "0–1.5: 낮을수록 안정적, 높을수록 생동감 있게",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "속도",
    "0.5–2: slower or faster, the same pitch": "0.5–2: 느리게 또는 빠르게, 음높이는 그대로",
    "language": "언어",
    "Say it in this language (the text is translated first)": (
        "이 언어로 말하기 (텍스트를 먼저 번역해요)"
    ),
    "English": "영어",
    "Chinese": "중국어",
    "Spanish": "스페인어",
    "French": "프랑스어",
    "German": "독일어",
    "Italian": "이탈리아어",
    "Portuguese": "포르투갈어",
    "Dutch": "네덜란드어",
    "Polish": "폴란드어",
    "Russian": "러시아어",
    "Ukrainian": "우크라이나어",
    "Japanese": "일본어",
    "Korean": "한국어",
    # /design
    "design": "디자인",
    "Speak in a voice described in words; keep it as a voice if you like it.": "말로 설명한 "
    "목소리로 말해요. 마음에 들면 목소리로 저장할 수 있어요.",
    "description": "설명",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": "목소리를 "
    "말로: 누가, 어떻게, 어디서 (예: 따뜻한 노년 남성, 느리게, 조용한 방)",
    # /dialogue
    "dialogue": "대화",
    "A conversation between voices: one `name: text` line per turn.": "목소리끼리의 대화: "
    "한 마디마다 `이름: 텍스트` 한 줄.",
    # /cancel
    "cancel": "취소",
    "Cancel your requests under way in this channel.": "이 채널에서 진행 중인 내 요청을 취소해요.",
    # /clone
    "clone": "복제",
    "Register a voice from an audio file; in a server an admin approves it first.": "오디오 "
    "파일로 목소리를 등록해요. 서버에서는 먼저 관리자가 승인해요.",
    "name": "이름",
    "Name for the voice (letters, digits, - or _)": "목소리 이름 (글자, 숫자, - 또는 _)",
    "audio": "오디오",
    "A clip of one person speaking, 3–30 s": "한 사람이 말하는 클립, 3–30초",
    "statement": "화자",
    "Whose voice it is: a file could be anyone's": "누구의 목소리인지: 파일은 누구의 목소리든 "
    "될 수 있어요",
    "my own voice": "내 목소리",
    "someone who gave me permission": "허락해 준 사람",
    "transcript": "대본",
    "The words spoken in the clip (optional)": "클립에서 말한 내용 (선택)",
    # /voices
    "voices": "목소리목록",
    "List the voices usable here: play, set default, delete.": "여기서 쓸 수 있는 목소리 목록: "
    "듣기, 기본으로 설정, 삭제.",
    # /default
    "default": "기본목소리",
    "Pick this server's (or DM's) default voice.": "이 서버(또는 DM)의 기본 목소리를 골라요.",
    "The voice /say uses when none is given": "목소리를 지정하지 않을 때 /말하기 가 쓰는 목소리",
    # /tune
    "tune": "조정",
    "Set a voice's own sampling defaults.": "목소리별 샘플링 기본값을 설정해요.",
    "The voice to tune": "조정할 목소리",
    "0–1.5 (empty: the default)": "0–1.5 (비우면 기본값)",
    "-1–100 (empty: the default)": "-1–100 (비우면 기본값)",
    "0.1–1 (empty: the default)": "0.1–1 (비우면 기본값)",
    "0.5–2 (empty: as generated)": "0.5–2 (비우면 생성된 그대로)",
    # /rename
    "rename": "이름변경",
    "Give a voice a new name.": "목소리 이름을 바꿔요.",
    "The voice to rename": "이름을 바꿀 목소리",
    "new_name": "새이름",
    "Its new name": "새 이름",
    # /delete
    "delete": "삭제",
    "Delete a voice and its clip.": "목소리와 그 클립을 삭제해요.",
    "The voice to delete": "삭제할 목소리",
    # /share
    "share": "공유",
    "Let others here use a voice you registered, or keep it to yourself.": "내가 등록한 "
    "목소리를 여기서 다른 사람도 쓰게 하거나 나만 쓰게 해요.",
    "A voice you registered": "내가 등록한 목소리",
    "shared": "공유여부",
    "Yes: everyone here may use it; no: only you": "예: 여기 있는 모두가 사용, 아니요: 나만 사용",
    # /myvoice
    "myvoice": "목소리증명",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "내 목소리임을 증명해요: 음성 메시지로 문장을 읽으면 그 낭독이 목소리가 돼요."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": "낭독으로 만들 "
    "목소리의 이름 (글자, 숫자, - 또는 _)",
    # /myvoices
    "myvoices": "내목소리",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": "어디서든 내 "
    "목소리로 만든 목소리: 승인, 거절, 취소할 수 있어요.",
    # /forgetme
    "forgetme": "내정보삭제",
    "Delete everything this bot keeps about you (asks first).": "이 봇이 저장한 내 정보를 "
    "모두 삭제해요 (먼저 물어봐요).",
    # /settings
    "settings": "설정",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "이 서버의 규칙: 목소리 등록 권한, 공유, 하루 한도 (관리자가 변경해요)."
    ),
    "Who may register voices": "목소리를 등록할 수 있는 사람",
    "everyone": "모두",
    "admins": "관리자",
    "role": "역할",
    "With clone: role, whose members may": "복제: 역할일 때, 등록할 수 있는 멤버의 역할",
    "members_use_others": "타인목소리사용",
    "May members use each other's voices?": "멤버끼리 서로의 목소리를 쓸 수 있나요?",
    "daily_chars": "하루글자수",
    "Characters one member may have spoken per day (0: no limit)": "멤버 한 명이 하루에 "
    "읽게 할 수 있는 글자 수 (0: 제한 없음)",
    # /report
    "report": "신고",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "이 서버 관리자에게 목소리를 신고해요. 결정이 날 때까지 여기서 쓸 수 없어요."
    ),
    "The voice to report": "신고할 목소리",
    "reason": "사유",
    "Why (optional; shown in the channel)": "이유 (선택, 채널에 표시돼요)",
    # /help
    "help": "도움말",
    "How to use this bot.": "이 봇 사용법.",
    # context menus
    "Clone this voice": "이 목소리 복제",
    "Report voice": "목소리 신고",
    "Speak as…": "다른 목소리로 말하기…",
}
