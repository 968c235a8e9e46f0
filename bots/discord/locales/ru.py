"""What only the Discord bot says, in Russian (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the Russian)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "Я озвучиваю текст голосами, которые ты регистрируешь.\n"
        "**Зарегистрировать голос**: правый клик (долгое нажатие) по сообщению с голосовым или "
        "аудиофайлом → Приложения → **Клонировать этот голос**; или ответь на него `@бот clone "
        "ИМЯ`; или `/клонировать имя: аудио: чей_голос:` для файла (на сервере его одобряет "
        "админ).\n"
        "**Озвучить**: `/сказать голос: текст:` отправляет голосовое сообщение. `/основной` "
        "выбирает голос, который используется, если `голос` не указан. Длинный текст "
        "озвучивается по предложениям. Под каждым результатом: 🔁 ещё дубль, 🎯 ровнее, 🎨 "
        "живее. Хочешь отменить? ✖ под статусом или `/отмена` для всех твоих запросов в канале.\n"
        "**Придумай голос словами**: `/придумать описание: текст:`, потом 💾 сохрани его.\n"
        "**Разговор**: `/диалог`, а потом по строке `имя: текст` на реплику.\n"
        "**Тонкая настройка**: `/тонкая-настройка голос: температура: top_k: top_p:`.\n"
        "**Управление**: `/голоса` (прослушать, сделать основным, удалить), `/переименовать`, "
        "`/удалить`, `/поделиться`.\n"
        "**Согласие**: если клонировать чужой голос, я сначала спрошу его владельца; говорить "
        "голос начнёт только после одобрения. `/мои-голоса` показывает все голоса, созданные из "
        "твоей речи (любой можно отозвать); `/забудь-меня` удаляет всё, что я о тебе храню. "
        "Админам: `/настройки`.\n"
        "**Докажи, что голос твой**, и он сразу будет готов: `/мой-голос имя:` покажет фразу; "
        "ответь на неё голосовым сообщением, где ты читаешь её вслух.\n"
        "**Пожаловаться на голос** админам сервера: `/пожаловаться имя:` или на моём голосовом "
        "сообщении → Приложения → **Пожаловаться на голос**; голос замолчит, пока админ не "
        "восстановит или не удалит его.\n"
        "Голоса, созданные на сервере, принадлежат ему; голоса из личных сообщений — только "
        "тебе. Лучшие записи: 6–30 секунд речи одного человека."
    ),
    "dc_not_a_bot_voice": "Это не моё голосовое сообщение. Используй «Пожаловаться на голос» на "
    "одном из моих или /пожаловаться имя:, чтобы пожаловаться на голос по имени.",
    "dc_no_audio": "В этом сообщении нет голосового или аудиофайла, который можно клонировать.",
    "dc_upload_use_clone": "Это загруженный файл, а не голосовое сообщение, записанное самим "
    "говорящим: в нём может быть чей угодно голос. Зарегистрируй его через /клонировать имя: "
    "аудио: чей_голос: и укажи, чей это голос (на сервере его потом одобрит админ).",
    "dc_clone_usage": "Ответь на голосовое сообщение или аудиофайл: @бот clone ИМЯ (или @бот "
    "clone ИМЯ | слова, которые там звучат).",
    "dc_modal_title": "Клонировать этот голос",
    "dc_modal_name": "Имя голоса",
    "dc_modal_transcript": "Слова из записи (необязательно)",
    "dc_dialogue_title": "Диалог",
    "dc_dialogue_label": 'По строке: ИМЯ: текст или "описание": текст',
    "dc_pick_voice": "Выбери голос…",
    "dc_voice_panel": "**{name}** · {seconds:.0f} с · «{transcript}»",
    "dc_button_sample": "▶ Прослушать",
    "dc_button_approve_named": "✅ Одобрить {name}",
    "dc_button_decline_named": "❌ Отклонить {name}",
    "dc_said_by": "🔊 {label} · для {user}",
    "dc_voice_fallback": "В этом канале мне нельзя отправлять голосовые сообщения, поэтому вот "
    "аудиофайл. Админ сервера может дать мне право **Отправлять голосовые сообщения**.",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "сказать",
    "Speak text in a stored voice, posted as a voice message.": (
        "Озвучить текст сохранённым голосом и отправить голосовым сообщением."
    ),
    "text": "текст",
    "What to say": "Что сказать",
    "voice": "голос",
    "Which voice (default: this server's default)": (
        "Какой голос (если не указан — основной голос сервера)"
    ),
    "temperature": "температура",
    "0–1.5: lower is steadier, higher livelier": "0–1.5: ниже — ровнее, выше — живее",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    # /design
    "design": "придумать",
    "Speak in a voice described in words; keep it as a voice if you like it.": (
        "Озвучить голосом, описанным словами; если понравится, сохрани его."
    ),
    "description": "описание",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": (
        "Голос словами: кто, как, где (например, тёплый пожилой мужчина, медленно, тихая комната)"
    ),
    # /dialogue
    "dialogue": "диалог",
    "A conversation between voices: one `name: text` line per turn.": (
        "Разговор голосов: по строке `имя: текст` на реплику."
    ),
    # /cancel
    "cancel": "отмена",
    "Cancel your requests under way in this channel.": (
        "Отменить твои текущие запросы в этом канале."
    ),
    # /clone
    "clone": "клонировать",
    "Register a voice from an audio file; in a server an admin approves it first.": (
        "Зарегистрировать голос из аудиофайла; на сервере его сначала одобряет админ."
    ),
    "name": "имя",
    "Name for the voice (letters, digits, - or _)": "Имя голоса (буквы, цифры, - или _)",
    "audio": "аудио",
    "A clip of one person speaking, 3–30 s": "Запись речи одного человека, 3–30 с",
    "statement": "чей_голос",
    "Whose voice it is: a file could be anyone's": "Чей это голос: в файле может быть чей угодно",
    "my own voice": "мой собственный голос",
    "someone who gave me permission": "человек, который дал мне разрешение",
    "transcript": "расшифровка",
    "The words spoken in the clip (optional)": "Слова, которые звучат в записи (необязательно)",
    # /voices
    "voices": "голоса",
    "List the voices usable here: play, set default, delete.": (
        "Голоса, доступные здесь: прослушать, сделать основным, удалить."
    ),
    # /default
    "default": "основной",
    "Pick this server's (or DM's) default voice.": (
        "Выбрать основной голос этого сервера (или личных сообщений)."
    ),
    "The voice /say uses when none is given": "Голос, который /сказать использует, если голос не "
    "указан",
    # /tune
    "tune": "тонкая-настройка",
    "Set a voice's own sampling defaults.": "Задать голосу собственные параметры сэмплинга.",
    "The voice to tune": "Голос для настройки",
    "0–1.5 (empty: the default)": "0–1.5 (пусто — по умолчанию)",
    "-1–100 (empty: the default)": "-1–100 (пусто — по умолчанию)",
    "0.1–1 (empty: the default)": "0.1–1 (пусто — по умолчанию)",
    # /rename
    "rename": "переименовать",
    "Give a voice a new name.": "Дать голосу новое имя.",
    "The voice to rename": "Голос, который нужно переименовать",
    "new_name": "новое_имя",
    "Its new name": "Его новое имя",
    # /delete
    "delete": "удалить",
    "Delete a voice and its clip.": "Удалить голос вместе с записью.",
    "The voice to delete": "Голос, который нужно удалить",
    # /share
    "share": "поделиться",
    "Let others here use a voice you registered, or keep it to yourself.": (
        "Разрешить другим здесь пользоваться твоим голосом или оставить его только себе."
    ),
    "A voice you registered": "Зарегистрированный тобой голос",
    "shared": "общий",
    "Yes: everyone here may use it; no: only you": (
        "Да — пользоваться могут все здесь; нет — только ты"
    ),
    # /myvoice
    "myvoice": "мой-голос",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "Докажи, что голос твой: прочитай фразу в голосовом сообщении — она и станет голосом."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": (
        "Имя голоса, которым станет твоё чтение (буквы, цифры, - или _)"
    ),
    # /myvoices
    "myvoices": "мои-голоса",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": (
        "Голоса из твоей речи, где угодно: одобрить, отклонить или отозвать."
    ),
    # /forgetme
    "forgetme": "забудь-меня",
    "Delete everything this bot keeps about you (asks first).": (
        "Удалить всё, что бот о тебе хранит (с подтверждением)."
    ),
    # /settings
    "settings": "настройки",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "Правила сервера: кто регистрирует голоса, общий доступ, дневной лимит (меняют админы)."
    ),
    "Who may register voices": "Кто может регистрировать голоса",
    "everyone": "все",
    "admins": "админы",
    "role": "роль",
    "With clone: role, whose members may": "При клонировать: роль — её участники могут",
    "members_use_others": "чужие_голоса",
    "May members use each other's voices?": "Могут ли участники пользоваться голосами друг друга?",
    "daily_chars": "символов_в_день",
    "Characters one member may have spoken per day (0: no limit)": (
        "Сколько символов участник может озвучить за день (0 — без ограничений)"
    ),
    # /report
    "report": "пожаловаться",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "Пожаловаться админам сервера на голос: он замолчит здесь, пока они не решат."
    ),
    "The voice to report": "Голос, на который жалуешься",
    "reason": "причина",
    "Why (optional; shown in the channel)": "Почему (необязательно; видно в канале)",
    # /help
    "help": "помощь",
    "How to use this bot.": "Как пользоваться ботом.",
    # context menus
    "Clone this voice": "Клонировать этот голос",
    "Report voice": "Пожаловаться на голос",
}
