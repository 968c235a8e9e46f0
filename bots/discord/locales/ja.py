"""What only the Discord bot says, in Japanese (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the Japanese)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "登録した声でテキストを読み上げます。\n"
        "**声を登録**：ボイスメッセージか音声ファイルのあるメッセージを右クリック（長押し）→ "
        "アプリ → **この声をクローン**。またはそのメッセージに `@ボット clone 名前` で返信。"
        "ファイルなら `/クローン 名前: 音声: 誰の声:`（サーバーでは管理者が承認します）。\n"
        "**読み上げ**：`/読み上げ 声: テキスト:` でボイスメッセージを投稿します。`/既定の声` で"
        "`声` を省略したときの声を選べます。長いテキストは一文ずつ読み上げます。各結果の下："
        "🔁 もう一度、🎯 安定させる、🎨 生き生きと。気が変わったら？ ステータスの下の ✖、"
        "またはこのチャンネルでの自分の全リクエストは `/キャンセル`。\n"
        "**言葉で声をデザイン**：`/デザイン 説明: テキスト:` のあと 💾 で保存。\n"
        "**会話**：`/会話` のあと、1 回の発言につき `名前: テキスト` を 1 行。\n"
        "**微調整**：`/調整 声: temperature: top_k: top_p: 速度:`（速度 0.5–2：遅く・速く、"
        "声の高さはそのまま）。`/読み上げ` でも同じオプションを 1 回ごとに指定できます。\n"
        "**管理**：`/声一覧`（試聴・既定に設定・削除）、`/名前変更`、`/削除`、`/共有`。\n"
        "**同意**：他人の声をクローンするときは先に本人に確認し、承認されてから使えるように"
        "なります。`/自分の声` であなたの話し声から作られたすべての声を確認（取り消しも可）、"
        "`/データ削除` で私が保存しているあなたの情報をすべて削除します。管理者：`/設定`。\n"
        "**声が自分のものだと証明**してすぐ使う：`/声の証明 名前:` で文が表示されるので、"
        "それを読み上げたボイスメッセージで返信してください。\n"
        "**声を通報**（サーバーの管理者へ）：`/通報 名前:`、または私が投稿したボイスメッセージで"
        " → アプリ → **声を通報**。管理者が復元または削除するまで、その声は使えなくなります。\n"
        "サーバーで作った声はそのサーバーのもの、DM で作った声はあなただけのものです。"
        "おすすめのクリップ：一人が話している 6–30 秒。"
    ),
    "dc_not_a_bot_voice": "これは私が投稿したボイスメッセージではありません。私のメッセージで"
    "「声を通報」を使うか、/通報 名前: で声を名前で通報してください。",
    "dc_no_audio": "このメッセージには、クローンできるボイスメッセージや音声ファイルが"
    "ありません。",
    "dc_upload_use_clone": "これはアップロードされたファイルで、話し手本人が録音したボイス"
    "メッセージではないため、誰の声の可能性もあります。/クローン 名前: 音声: 誰の声: で登録し、"
    "誰の声かを指定してください（サーバーでは、そのあと管理者が承認します）。",
    "dc_clone_usage": "ボイスメッセージか音声ファイルに @ボット clone 名前 で返信してください"
    "（または @ボット clone 名前 | その中で話している言葉）。",
    "dc_modal_title": "この声をクローン",
    "dc_modal_name": "声の名前",
    "dc_modal_transcript": "クリップで話している言葉（任意）",
    "dc_dialogue_title": "会話",
    "dc_report_title": "声を報告",
    "dc_report_reason": "理由（任意・管理者に伝えます）",
    "dc_dialogue_label": '1 行に 1 発言：名前: テキスト、または "説明": テキスト',
    "dc_pick_voice": "声を選んでください…",
    "dc_no_audio_to_say": "このメッセージには、"
    "言い直せる音声メッセージや音声ファイルがありません。",
    "dc_speak_as_title": "この言葉をもう一度話す",
    "dc_speak_as_voice": "どの声で話しますか？",
    "dc_voice_panel": "**{name}** · {seconds:.0f} 秒 · 「{transcript}」",
    "dc_button_sample": "▶ 試聴",
    "dc_button_approve_named": "✅ {name} を承認",
    "dc_button_decline_named": "❌ {name} を却下",
    "dc_said_by": "🔊 {label} · {user} さんのリクエスト",
    "dc_voice_fallback": "このチャンネルではボイスメッセージを投稿できないため、音声ファイルで"
    "送ります。サーバーの管理者は私に **ボイスメッセージを送信** の権限を付与できます。",
    "dc_read_in_dm": "私はこのチャットにいないので、ここでの返信は届きません。読み上げは私との"
    "DM にボイスメッセージで送ってください（私のプロフィール → メッセージを送る）。",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "読み上げ",
    "Speak text in a stored voice, posted as a voice message.": "保存された声でテキストを"
    "読み上げ、ボイスメッセージとして投稿します。",
    "text": "テキスト",
    "What to say": "読み上げる内容",
    "voice": "声",
    "Which voice (default: this server's default)": "使う声（省略時：このサーバーの既定の声）",
    "temperature": "temperature",
    "0–1.5: lower is steadier, higher livelier": "0–1.5：低いほど安定、高いほど生き生き",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "速度",
    "0.5–2: slower or faster, the same pitch": "0.5–2：遅く・速く（声の高さはそのまま）",
    "language": "言語",
    "Say it in this language (the text is translated first)": (
        "この言語で話す（テキストを先に翻訳します）"
    ),
    "English": "英語",
    "Chinese": "中国語",
    "Spanish": "スペイン語",
    "French": "フランス語",
    "German": "ドイツ語",
    "Italian": "イタリア語",
    "Portuguese": "ポルトガル語",
    "Dutch": "オランダ語",
    "Polish": "ポーランド語",
    "Russian": "ロシア語",
    "Ukrainian": "ウクライナ語",
    "Japanese": "日本語",
    "Korean": "韓国語",
    # /design
    "design": "デザイン",
    "Speak in a voice described in words; keep it as a voice if you like it.": "言葉で説明した"
    "声で読み上げます。気に入ったら声として保存できます。",
    "description": "説明",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": "声を言葉"
    "で：誰が、どのように、どこで（例：温かみのある年配の男性、ゆっくり、静かな部屋）",
    # /dialogue
    "dialogue": "会話",
    "A conversation between voices: one `name: text` line per turn.": "声どうしの会話：1 回の"
    "発言につき `名前: テキスト` を 1 行。",
    # /cancel
    "cancel": "キャンセル",
    "Cancel your requests under way in this channel.": "このチャンネルで進行中のあなたの"
    "リクエストをキャンセルします。",
    # /clone
    "clone": "クローン",
    "Register a voice from an audio file; in a server an admin approves it first.": "音声"
    "ファイルから声を登録します。サーバーでは先に管理者が承認します。",
    "name": "名前",
    "Name for the voice (letters, digits, - or _)": "声の名前（文字・数字・- または _）",
    "audio": "音声",
    "A clip of one person speaking, 3–30 s": "一人が話しているクリップ（3–30 秒）",
    "statement": "誰の声",
    "Whose voice it is: a file could be anyone's": "誰の声か：ファイルは誰の声の可能性もあります",
    "my own voice": "自分の声",
    "someone who gave me permission": "許可をくれた人の声",
    "transcript": "書き起こし",
    "The words spoken in the clip (optional)": "クリップで話している言葉（任意）",
    # /voices
    "voices": "声一覧",
    "List the voices usable here: play, set default, delete.": "ここで使える声の一覧：試聴、"
    "既定に設定、削除。",
    # /default
    "default": "既定の声",
    "Pick this server's (or DM's) default voice.": "このサーバー（または DM）の既定の声を"
    "選びます。",
    "The voice /say uses when none is given": "声を指定しないときに /読み上げ が使う声",
    # /tune
    "tune": "調整",
    "Set a voice's own sampling defaults.": "声ごとのサンプリングの既定値を設定します。",
    "The voice to tune": "調整する声",
    "0–1.5 (empty: the default)": "0–1.5（空欄：既定値）",
    "-1–100 (empty: the default)": "-1–100（空欄：既定値）",
    "0.1–1 (empty: the default)": "0.1–1（空欄：既定値）",
    "0.5–2 (empty: as generated)": "0.5–2（空欄：生成されたまま）",
    # /rename
    "rename": "名前変更",
    "Give a voice a new name.": "声の名前を変更します。",
    "The voice to rename": "名前を変更する声",
    "new_name": "新しい名前",
    "Its new name": "新しい名前",
    # /delete
    "delete": "削除",
    "Delete a voice and its clip.": "声とそのクリップを削除します。",
    "The voice to delete": "削除する声",
    # /share
    "share": "共有",
    "Let others here use a voice you registered, or keep it to yourself.": "登録した声を"
    "ここのほかの人にも使えるようにするか、自分専用にします。",
    "A voice you registered": "あなたが登録した声",
    "shared": "共有する",
    "Yes: everyone here may use it; no: only you": "はい：ここの全員が使える、いいえ：あなただけ",
    # /myvoice
    "myvoice": "声の証明",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "自分の声だと証明：ボイスメッセージで文を読み上げると、それがそのまま声になります。"
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": "読み上げから作る"
    "声の名前（文字・数字・- または _）",
    # /myvoices
    "myvoices": "自分の声",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": "あなたの話し"
    "声から作られた声（場所を問わず）：承認・却下・取り消しができます。",
    # /forgetme
    "forgetme": "データ削除",
    "Delete everything this bot keeps about you (asks first).": "このボットが保存している"
    "あなたの情報をすべて削除します（先に確認します）。",
    # /settings
    "settings": "設定",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "このサーバーのルール：声を登録できる人、共有、1 日の上限（変更は管理者）。"
    ),
    "Who may register voices": "声を登録できる人",
    "everyone": "全員",
    "admins": "管理者",
    "role": "ロール",
    "With clone: role, whose members may": "クローン：ロール のとき、登録できるメンバーのロール",
    "members_use_others": "他人の声の使用",
    "May members use each other's voices?": "メンバーどうしで声を使い合えますか？",
    "daily_chars": "1日の文字数",
    "Characters one member may have spoken per day (0: no limit)": "メンバー一人が 1 日に"
    "読み上げさせられる文字数（0：無制限）",
    # /report
    "report": "通報",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "このサーバーの管理者に声を通報します。判断が出るまで、ここでは使えなくなります。"
    ),
    "The voice to report": "通報する声",
    "reason": "理由",
    "Why (optional; shown in the channel)": "理由（任意。チャンネルに表示されます）",
    # /help
    "help": "ヘルプ",
    "How to use this bot.": "このボットの使い方。",
    # context menus
    "Clone this voice": "この声をクローン",
    "Report voice": "声を通報",
    "Speak as…": "別の声で話す…",
}
