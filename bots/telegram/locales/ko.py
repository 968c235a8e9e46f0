"""What only the Telegram bot says, in Korean: every sentence of `bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "이 목소리를 저장하려면 /keep 이름 으로 답장해 주세요.",
    "keep_usage": "디자인한 음성 메시지에 /keep 이름 으로 답장하면 그 목소리를 저장할 수 있어요.",
    "tune_usage": "이렇게 써 주세요: /tune 이름 temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9 (아무거나 "
    "골라서; 하나도 없으면 초기화돼요).",
    "voice_line": "{name} · {seconds:.0f}초",
    "voice_line_default": " · 기본",
    "voice_line_personal": " · 개인",
    "tg_help": (
        "등록한 목소리로 텍스트를 읽어 드려요.\n\n"
        "목소리 등록: 음성 메시지(또는 오디오 파일, 동영상 메시지)에 이렇게 답장하세요\n"
        "/clone 이름  또는  /clone 이름 | 그 안에서 말한 내용\n"
        "개인 채팅에서는 음성 메시지를 보내기만 해도 돼요.\n\n"
        "말하기: /say 이름 읽을 텍스트\n"
        "느리게 또는 빠르게 (0.5–2, 음높이는 그대로): /say 이름 speed=1.25 텍스트\n"
        "다른 언어로 (먼저 번역): /say 이름 >en 텍스트 (en, es, de, ja…)\n"
        "기본 목소리 고르기: /default 이름, 그다음 /say 읽을 텍스트\n"
        "텍스트 메시지에 /say 이름 으로 답장하면 그 메시지를 읽어요.\n"
        "긴 텍스트도 괜찮아요. 한 문장씩 읽어요.\n"
        "마음이 바뀌었나요? 상태 메시지 아래의 ✖, 또는 여기서의 내 요청 전체는 /cancel.\n\n"
        "음성 메시지마다 아래에: 🔁 다시 하기, 🎯 더 안정적으로, 🎨 더 생동감 있게.\n"
        "말로 목소리 디자인: /design 따뜻한 노년 남성, 느리게 | 안녕하세요!\n"
        "결과에 /keep 이름 으로 답장하면 그 목소리를 저장해요.\n"
        "대화: /dialogue 다음에 한 줄에 한 마디씩:\n"
        '철수: 안녕, 영희야!\n영희: 안녕!\n"심술궂은 로봇": 삐.\n'
        "미세 조정: /tune 이름 temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "관리: /voices (듣기, 기본으로 설정, 삭제), /rename 옛이름 새이름, /delete 이름, "
        "/share 이름 on|off\n\n"
        "동의: 다른 사람의 음성 메시지를 복제하면 먼저 본인에게 물어보고, 승인한 뒤에만 "
        "쓸 수 있어요. /myvoices 는 내 목소리로 만든 모든 목소리를 보여 줘요(취소 가능). "
        "/forgetme 는 제가 저장한 내 정보를 모두 삭제해요. 그룹 관리자: /settings.\n"
        "그룹 관리자에게 목소리 신고: /report 이름 [사유], 또는 제가 올린 음성 메시지에 "
        "/report 로 답장. 관리자가 복원하거나 삭제할 때까지 그 목소리는 쓸 수 없어요."
        "\n\n"
        "목소리가 내 것임을 증명하고 바로 쓰기: /myvoice 이름 을 입력하면 문장이 나와요. "
        "그 문장을 소리 내어 읽은 음성 메시지로 답장하세요.\n\n"
        "그룹에서 만든 목소리는 그 그룹의 것이고, 여기 개인 채팅에서 만든 목소리는 나만 쓸 수 "
        "있어요. 가장 좋은 클립: 한 사람이 말하는 6–30초, 잡음이 적은 것."
    ),
    "tg_clone_usage": "음성 메시지나 동영상 메시지에 /clone 이름 (또는 /clone 이름 | 그 안에서 "
    "말한 내용)으로 답장하세요. 오디오 파일, 문서, 동영상에는 /clone 이름 own (내 목소리) "
    "또는 /clone 이름 permission (허락해 준 사람의 목소리)으로 답장하세요.",
    "tg_upload_how": "업로드한 파일이라서 누구의 목소리든 될 수 있어요. 내 목소리라면 "
    "/clone 이름 own, 화자 본인이 허락했다면 /clone 이름 permission 으로 답장해 주세요.",
    "tg_ask_name": "좋은 클립이에요! 이 목소리의 이름을 뭐라고 할까요? 이름(글자, 숫자, - "
    "또는 _)을 보내거나 /cancel 하세요.",
    "tg_cancelled": "알겠어요. 그 클립은 버렸어요.",
    "tg_rename_usage": "이렇게 써 주세요: /rename 옛이름 새이름",
    "tg_delete_usage": "이렇게 써 주세요: /delete 이름",
    "tg_myvoice_usage": "이렇게 써 주세요: /myvoice 이름. 짧은 문장을 보여 드리면, 그 문장을 "
    "소리 내어 읽은 음성 메시지로 답장하세요. 그 낭독이 내 목소리 ‘이름’이 되고 바로 쓸 수 "
    "있어요.",
    "tg_button_phrase": "🔁 다른 문장",
    "tg_report_usage": "이렇게 써 주세요: /report 이름 [사유], 또는 제가 올린 음성 메시지에 "
    "/report [사유] 로 답장하세요.",
    "tg_default_usage": "이렇게 써 주세요: /default 이름",
    "tg_share_usage": "이렇게 써 주세요: /share 이름 on (여기 있는 모두가 사용) 또는 "
    "/share 이름 off (나만 사용).",
    "tg_as_yourself": "익명이나 채널이 아닌 본인 계정으로 보내 주세요. 목소리에는 주인이 "
    "있어야 해요.",
    "tg_not_your_button": "요청한 사람만 답할 수 있어요.",
    "tg_settings_usage": "관리자가 바꿀 수 있어요: /settings clone everyone|admins, "
    "/settings share on|off, /settings quota 글자수 (0: 제한 없음).",
    "cmd_clone": "목소리 등록 (음성 메시지에 답장)",
    "cmd_say": "목소리로 텍스트 읽기",
    "cmd_voices": "목소리 목록",
    "cmd_myvoice": "문장을 읽어 내 목소리임을 증명",
    "cmd_myvoices": "내 목소리로 만든 목소리 (취소 가능)",
    "cmd_forgetme": "저장된 내 정보 모두 삭제",
    "cmd_share": "여기서 다른 사람이 내 목소리를 쓸지 설정",
    "cmd_settings": "채팅 설정 (관리자): 등록 권한, 공유, 한도",
    "cmd_design": "말로 설명한 목소리로 읽기",
    "cmd_dialogue": "대화: 한 줄에 하나씩 이름: 텍스트",
    "cmd_keep": "디자인한 목소리 저장 (답장으로)",
    "cmd_cancel": "여기서 진행 중인 내 요청 취소",
    "cmd_tune": "목소리의 temperature/top_k/top_p/speed 설정",
    "cmd_default": "이 채팅의 기본 목소리 설정",
    "cmd_rename": "목소리 이름 바꾸기",
    "cmd_delete": "목소리 삭제",
    "cmd_help": "이 봇 사용법",
    "cmd_report": "이 그룹 관리자에게 목소리 신고",
}
