"""What only the Telegram bot says, in Japanese: every sentence of `bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "この声を保存するには、/keep 名前 で返信してください。",
    "keep_usage": "デザインしたボイスメッセージに /keep 名前 で返信すると、その声を保存できます。",
    "tune_usage": "次のように書いてください：/tune 名前 temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9"
    "（どれか一つでも可。何も書かなければリセット）。",
    "voice_line": "{name} · {seconds:.0f} 秒",
    "voice_line_default": " · 既定",
    "voice_line_personal": " · 個人用",
    "tg_help": (
        "登録した声でテキストを読み上げます。\n\n"
        "声を登録：ボイスメッセージ（または音声ファイル、ビデオメッセージ）に次のように返信\n"
        "/clone 名前  または  /clone 名前 | その中で話している言葉\n"
        "個人チャットでは、ボイスメッセージを送るだけでも登録できます。\n\n"
        "読み上げ：/say 名前 読み上げるテキスト\n"
        "遅く・速く（0.5–2、声の高さはそのまま）：/say 名前 speed=1.25 テキスト\n"
        "別の言語で（先に翻訳）：/say 名前 >en テキスト（en、es、de、fr…）\n"
        "既定の声を選ぶ：/default 名前 のあと /say 読み上げるテキスト\n"
        "テキストメッセージに /say 名前 で返信すると、そのメッセージを読み上げます。\n"
        "長いテキストも大丈夫です。一文ずつ読み上げます。\n"
        "気が変わったら？ ステータスの下の ✖、またはここでの自分の全リクエストは /cancel。\n\n"
        "各ボイスメッセージの下：🔁 もう一度、🎯 安定させる、🎨 生き生きと。\n"
        "言葉で声をデザイン：/design 温かみのある年配の男性、ゆっくり | こんばんは！\n"
        "結果に /keep 名前 で返信すると、その声を保存できます。\n"
        "会話：/dialogue のあと、1 行に 1 つずつ発言：\n"
        'たろう: こんにちは、はなこ！\nはなこ: こんにちは！\n"不機嫌なロボット": ピー。\n'
        "微調整：/tune 名前 temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "管理：/voices（試聴・既定に設定・削除）、/rename 旧名 新名、/delete 名前、"
        "/share 名前 on|off\n\n"
        "同意：他人のボイスメッセージをクローンするときは先に本人に確認し、承認されてから"
        "使えるようになります。/myvoices であなたの話し声から作られたすべての声を確認"
        "（取り消しも可）、/forgetme で私が保存しているあなたの情報をすべて削除します。"
        "グループ管理者：/settings。\n"
        "グループの管理者に声を通報：/report 名前 [理由]、または私が投稿したボイスメッセージに "
        "/report で返信。管理者が復元または削除するまで、その声は使えなくなります。"
        "\n\n"
        "声が自分のものだと証明してすぐ使えるようにする：/myvoice 名前 で文が表示されるので、"
        "それを読み上げたボイスメッセージで返信してください。\n\n"
        "グループで作った声はそのグループのもの、ここの個人チャットで作った声はあなただけの"
        "ものです。おすすめのクリップ：一人が話している 6–30 秒、雑音が少ないもの。"
    ),
    "tg_clone_usage": "ボイスメッセージかビデオメッセージに /clone 名前（または /clone 名前 "
    "| その中で話している言葉）で返信してください。音声ファイル・ドキュメント・動画には "
    "/clone 名前 own（あなた自身の声）または /clone 名前 permission（許可をくれた人の声）で"
    "返信してください。",
    "tg_upload_how": "これはアップロードされたファイルなので、誰の声の可能性もあります。"
    "あなた自身の声なら /clone 名前 own、話し手本人から許可をもらっているなら "
    "/clone 名前 permission で返信してください。",
    "tg_ask_name": "いいクリップですね！ この声の名前は何にしますか？ 名前（文字・数字・- "
    "または _）を送るか、/cancel でやめられます。",
    "tg_cancelled": "わかりました。このクリップは破棄しました。",
    "tg_rename_usage": "次のように書いてください：/rename 旧名 新名",
    "tg_delete_usage": "次のように書いてください：/delete 名前",
    "tg_myvoice_usage": "次のように書いてください：/myvoice 名前。短い文を表示するので、"
    "それを読み上げたボイスメッセージで返信してください。その読み上げがあなたの声「名前」に"
    "なり、すぐに使えます。",
    "tg_button_phrase": "🔁 別の文",
    "tg_report_usage": "次のように書いてください：/report 名前 [理由]、または私が投稿した"
    "ボイスメッセージに /report [理由] で返信。",
    "tg_default_usage": "次のように書いてください：/default 名前",
    "tg_share_usage": "次のように書いてください：/share 名前 on（ここの全員が使える）または "
    "/share 名前 off（あなただけ）。",
    "tg_as_yourself": "匿名やチャンネルとしてではなく、あなた自身として送ってください。"
    "声には持ち主となる人が必要です。",
    "tg_not_your_button": "これに答えられるのは、リクエストした本人だけです。",
    "tg_settings_usage": "管理者が変更できます：/settings clone everyone|admins、"
    "/settings share on|off、/settings quota 文字数（0：無制限）。",
    "cmd_clone": "声を登録（ボイスメッセージに返信）",
    "cmd_say": "声でテキストを読み上げ",
    "cmd_voices": "声の一覧",
    "cmd_myvoice": "文を読み上げて、自分の声だと証明",
    "cmd_myvoices": "あなたの話し声から作られた声（取り消し可）",
    "cmd_forgetme": "保存しているあなたの情報をすべて削除",
    "cmd_share": "ここでほかの人にあなたの声を使わせるかどうか",
    "cmd_settings": "チャットの設定（管理者）：登録できる人、共有、上限",
    "cmd_design": "言葉で説明した声で読み上げ",
    "cmd_dialogue": "会話：1 行に 1 つ 名前: テキスト",
    "cmd_keep": "デザインした声を保存（返信して使用）",
    "cmd_cancel": "ここで進行中のリクエストをキャンセル",
    "cmd_tune": "声の temperature/top_k/top_p/speed を設定",
    "cmd_default": "このチャットの既定の声を設定",
    "cmd_rename": "声の名前を変更",
    "cmd_delete": "声を削除",
    "cmd_help": "このボットの使い方",
    "cmd_report": "このグループの管理者に声を通報",
}
