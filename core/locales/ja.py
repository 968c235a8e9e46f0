"""What the bot says in Japanese: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "こちらで問題が発生しました。少し経ってからもう一度お試しください。",
    "error_config": "ボットが正しく設定されていません。運営者に知らせてください。",
    "error_bad_input": "そのリクエストを理解できませんでした。",
    "error_not_audio": "このファイルは読み取れる音声ではありません。ボイスメッセージか、OGG・"
    "MP3・M4A・WAV・WebM/MP4 のファイルを送ってください。",
    "error_file_too_large": "ファイルが大きすぎます（上限は {limit_mb:g} MB です）。"
    "6–30 秒の短いクリップがいちばんうまくいきます。",
    "error_audio_too_short": "このクリップには話し声が {seconds:.1f} 秒しかありません。"
    "最低 {minimum:g} 秒必要です。一人が話している 6–30 秒のクリップがいちばんうまくいきます。",
    "error_no_speech": "このクリップからは話し声が聞き取れませんでした。"
    "はっきり話しているクリップでお試しください。",
    "error_bad_voice_name": "「{name}」は声の名前に使えません。文字・数字・- または _ を "
    "1–32 字で使ってください（スペース不可）。例：おじいちゃん",
    "error_voice_name_taken": "ここにはすでに「{name}」という声があります。別の名前にするか、"
    "先に古いほうを削除してください。",
    "error_voice_not_found": "ここには「{name}」という声はありません。",
    "error_voice_not_found_suggest": "ここには「{name}」という声はありません。"
    "もしかして：{suggestions}？",
    "error_not_your_voice": "「{name}」を変更できるのは、登録した本人かここの管理者だけです。",
    "error_take_gone": "そのリクエストはもう残っていません。もう一度送ってください。",
    "error_no_description": "声の説明、続けてテキストを書いてください。例：/design 温かみのある"
    "年配の男性、ゆっくり | みなさん、こんばんは。",
    "error_script_line": "{line} 行目：{problem}",
    "error_script_syntax": '各行は 名前: テキスト、または "説明": テキスト の形で書いてください。',
    "error_script_too_long": "会話は最大 50 行までです。",
    "error_speaker_unknown": "これが誰の声か分からないため（非公開の転送、またはボット）、"
    "本人に確認できません。話し手本人が送ったボイスメッセージをクローンしてください。",
    "error_cloning_restricted": "このチャットでは、管理者（または指定ロールのメンバー）だけが"
    "声を登録できます。",
    "error_not_the_speaker": "これを決められるのは {name} さんだけです。本人の声だからです。",
    "error_request_closed": "このリクエストはもう受け付けていません。回答済みか期限切れ、"
    "または声が削除されました。",
    "error_admins_only": "設定を変更できるのは、このチャットの管理者だけです。",
    "error_groups_only": "設定はグループとサーバー用です。個人チャットの声はあなただけの"
    "ものです。",
    "error_role_needed": "声を登録できるロールを指定してください。",
    "error_bad_quota": "1 日の上限は文字数で、0（無制限）以上の数です。",
    "error_voice_pending": "「{name}」は話し手本人の承認待ちです。承認されると使えるように"
    "なります。",
    "error_voice_awaiting_admin": "「{name}」はこのチャットの管理者の承認待ちです。"
    "承認されると使えるようになります。",
    "error_statement_needed": "アップロードされたファイルは誰の声の可能性もあるので、誰の声かを"
    "指定してください：own（あなた自身の声）または permission（許可をくれた人の声）。"
    "例：/clone 名前 own",
    "error_admin_approves": "アップロードしたファイルから作った声を承認・却下できるのは、"
    "このチャットの管理者だけです。",
    "error_upload_not_shareable": "「{name}」はどのチャットの管理者にも承認されていない"
    "アップロードファイルから作られたため、あなた専用で共有できません。"
    "管理者が承認できるグループで登録してください。",
    "error_quota": "今日ここで使える {limit} 文字のうち {used} 文字を使いました。"
    "{hours} 時間後にまた使えます。",
    "error_already_requested": "それはもう処理中です。声ができしだいお届けします。",
    "error_cancelled": "✖ キャンセルしました。",
    "error_not_your_request": "これをキャンセルできるのは、リクエストした本人だけです。",
    "error_not_your_take": "この声を保存できるのは、声をデザインした本人だけです。",
    "error_too_many_voices": "すでに {limit} 個の声を登録しています。これが一人あたりの上限"
    "です。使わなくなった声を削除してから（/voices）もう一度お試しください。",
    "error_too_many_voices_here": "このチャットにはすでに {limit} 個の声があり、上限に達して"
    "います。使わなくなった声を削除してから（/voices）もう一度お試しください。",
    "error_voice_suspended": "「{name}」は通報されたため、ここでは停止中です。このチャットの"
    "管理者が復元すると、また使えるようになります。",
    "error_already_suspended": "「{name}」はすでに通報されています。このチャットの管理者が"
    "復元または削除するまで、ここでは停止中です。",
    "error_reports_in_groups": "通報はグループとサーバー用です。個人チャットの声はあなただけの"
    "ものです。",
    "error_no_voice_to_report": "このボイスメッセージは登録された声で話したものではありません"
    "（デザインした声か会話です）。代わりに声の名前で通報してください。",
    "error_admins_settle": "通報された声を復元・削除できるのは、このチャットの管理者だけです。",
    "error_report_settled": "この通報はすでに対応済みか、声が削除されています。",
    "error_queue_full": "ただいま大変混み合っています。数分後にもう一度お試しください。",
    "error_busy": "少し立て込んでいて処理できませんでした。何も変更されていません。"
    "1 分ほどしてからもう一度お試しください。",
    "error_too_fast": "短い時間にリクエストが多すぎます。{seconds} 秒後にもう一度お試しください。",
    "error_voice_gone": "その声はもう存在しません。",
    "error_no_voice_given": "どの声にしますか？ /say 名前 テキスト と書くか、/default 名前 で"
    "このチャットの既定の声を選んでください。",
    "error_empty_text": "話す内容を教えてください。例：/say 名前 こんにちは！",
    "error_text_too_long": "テキストが {length} 文字あります。上限は {limit} 文字です。"
    "短くしてください。",
    "error_translation_too_long": "翻訳するとテキストが {length} 文字になります。上限は {limit} "
    "文字です。短くしてください。",
    "error_unknown_language": "「{code}」では話せません。翻訳できる言語：{languages}。",
    "error_translation_unavailable": "翻訳には音声サービスが必要ですが、このボットには設定されて"
    "いません。言語の指定を外すと、書かれたとおりに読み上げます。",
    "error_bad_sampling": "{field} は {low} から {high} の間にしてください。",
    "error_unknown_setting": "「{name}」という設定はありません。temperature=、top_k=、"
    "top_p=、speed= のいずれかを使ってください。",
    "error_transcript_needed": "このクリップで話されている言葉が必要です。書き起こしとして"
    "追加して、もう一度お試しください。",
    "error_listening_unavailable": "ここでは音声メッセージを聞き取れません。"
    "その言葉を別の声で話すには音声サービスが必要ですが、このボットには設定されていません。",
    "error_clip_too_long": "この録音は {limit} 秒を超えていて、"
    "一度に聞き取れる長さを超えています。もっと短い録音を送ってください。",
    "error_upstream": "音声サービスで問題が起きました。少し経ってからもう一度お試しください。",
    "error_upstream_auth": "音声サービスがボットの API キーを拒否しました。ボットの運営者に"
    "知らせてください。",
    "error_upstream_balance": "ボットの音声サービスの残高がなくなりました。ボットの運営者に"
    "知らせてください。",
    "error_upstream_rate_limited": "音声サービスがただいま混み合っています。1 分ほどしてから"
    "もう一度お試しください。",
    "error_upstream_rejected": "音声サービスがこのリクエストを処理できませんでした。別の"
    "テキストか別の声でお試しください。",
    "error_reference_unreachable": "音声サービスがこの声の参照クリップを使えませんでした。"
    "もっとクリアなクリップで声を登録し直してください。",
    "error_upstream_unavailable": "ただいま音声サービスに接続できません。数分後にもう一度"
    "お試しください。",
    "error_upstream_timeout": "音声サービスの応答に時間がかかりすぎました。もう一度お試し"
    "ください。",
    "error_task_failed": "音声サービスが生成できませんでした。テキストを短くするなどして、"
    "もう一度お試しください。",
    "error_bad_upstream_audio": "音声サービスから再生できない音声が返ってきました。もう一度"
    "お試しください。",
    "error_result_refused": "音声サービスが示した音声の置き場所は、ダウンロードを許可していない"
    "場所だったため、取得しませんでした。ボットの運営者に知らせてください。",
    "error_result_too_large": "音声サービスから想定よりはるかに多くの音声が返ってきたため、"
    "受信を止めました。テキストを短くするなどして、もう一度お試しください。",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "順番待ちです（{position} 番目）…",
    "progress_translating": "翻訳しています…",
    "progress_preparing": "声を準備しています…",
    "progress_generating": "音声を生成しています…",
    "progress_generating_parts": "音声を生成しています：{parts} 件中 {part} 件目…",
    "progress_encoding": "ボイスメッセージをエンコードしています…",
    "voice_saved": "声「{name}」を保存しました（{seconds:.1f} 秒）。書き起こし：「{transcript}」",
    "voice_saved_no_transcript": "声「{name}」を保存しました（{seconds:.1f} 秒）。"
    "まだ書き起こしはありません。音声サービスが設定されると書き起こされます。",
    "voice_deleted": "声「{name}」を削除しました。",
    "voice_renamed": "「{old}」を「{new}」に名前変更しました。",
    "voices_empty": "ここにはまだ声がありません。誰かが話しているクリップから登録しましょう。",
    "voices_header": "ここで使える声：",
    "voices_more": "…ほかに {count} 件あります。/say に名前を付けて使ってください。",
    "offline_notice": "AI302_API_KEY が設定されていません。オフラインの代替エンジン"
    "（espeak-ng）を使っています。これは声をクローンしません。本物を使うにはキーを"
    "設定してください。",
    "synthetic_label": "合成音声：{name}",
    "synthetic_label_designed": "合成音声（デザイン）：{description}",
    "button_again": "🔁 もう一度",
    "button_steadier": "🎯 安定させる",
    "button_livelier": "🎨 生き生きと",
    "button_cancel_request": "✖ キャンセル",
    "cancel_done": "リクエスト {count} 件をキャンセルしました。",
    "cancel_nothing": "ここでキャンセルできる進行中のリクエストはありません。",
    "cancel_over": "そのリクエストはもう進行中ではありません。",
    "button_keep_voice": "💾 この声を保存",
    "voice_tuned": "「{name}」の設定を変更しました：{settings}。",
    "voice_tuned_default": "「{name}」はサービスの既定の設定で話すようになりました。",
    "voice_default_set": "「{name}」がここの既定の声になりました。/say にテキストだけ書けば"
    "この声で話します。",
    "confirm_delete": "声「{name}」を削除しますか？ この操作は取り消せません。",
    "voice_kept": "「{name}」を保存しました。",
    "button_default": "★ 既定にする",
    "button_delete": "🗑 削除",
    "button_confirm_delete": "はい、削除します",
    "button_keep": "残す",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "「{name}」を保存しましたが、{speaker} さんが同意するまで使えません。"
    "本人に確認を送りました。",
    "consent_unreached": "結局 {speaker} さんに連絡できなかったため、確認は届いていません。"
    "本人は /myvoices から「{name}」を承認できます。",
    "consent_request": "{speaker} さん、{owner} さんがこのメッセージからあなたの声を"
    "「{name}」として登録しようとしています。あなたが承認するまで使えません。回答がなければ "
    "{hours:g} 時間後に削除されます。/myvoices でいつでも声の確認・取り消しができます。",
    "voice_pending_admin": "「{name}」を保存しましたが、このチャットの管理者が承認するまで"
    "使えません。ここで承認を依頼しました。",
    "voice_saved_upload": "この声はあなただけが使えます。アップロードしたファイルの声は"
    "共有されません。",
    "consent_unreached_admin": "ここに管理者への依頼を投稿できなかったため、まだどの管理者にも"
    "確認していません。「{name}」は管理者が承認するまで使えず、承認されなければ削除されます。",
    "consent_request_admin": "このチャットの管理者の承認が必要です：{owner} さんがファイルを"
    "声「{name}」としてアップロードし、{statement}だとしています。管理者が承認するまで"
    "使えません。回答がなければ {hours:g} 時間後に削除されます。",
    "statement_own": "本人自身の声",
    "statement_permission": "許可をくれた人の声",
    "console_upload_reminder": "注意：声のクローンは、話し手本人の許可がある場合だけに"
    "してください。",
    # --- proving a voice is your own: a fresh phrase read aloud (core.proof) --------------
    "proof_challenge": "🎙 「{name}」があなた自身の声だと証明するには、{minutes:g} 分以内に"
    "このメッセージへ、次の文を読み上げたボイスメッセージで返信してください：\n\n{phrase}\n\n"
    "その読み上げがそのまま声「{name}」になり、すぐに使えます。",
    "proof_verified": "✅ 確認できました：読み上げが文と一致しました（{score}%）。"
    "「{name}」をあなた自身の声として保存しました（{seconds:.1f} 秒）。今すぐ使えます。",
    "proof_replaced": "「{name}」としてアップロードしたファイルと置き換わります。",
    "proof_hint": "あなた自身の声なら、すぐに使えるようにもできます：/myvoice {name} で"
    "短い文が表示されるので、ボイスメッセージで読み上げてください。",
    "error_proof_unavailable": "ここでは読み上げを確認できません。文の読み上げによる声の証明には"
    "音声サービスが必要ですが、このボットには設定されていません。",
    "error_no_challenge": "ここでは何も読み上げをお願いしていません（またはその文はもう使われ"
    "ました）。声があなた自身のものだと証明するには、/myvoice で文をリクエストしてください。",
    "error_challenge_expired": "「{name}」の文は時間切れになりました（制限時間は {minutes:g} "
    "分でした）。/myvoice で新しい文をリクエストしてください。",
    "error_live_reading_needed": "文は、ここで自分で録音したボイスメッセージで読み上げて"
    "ください。アップロードしたファイルや転送されたメッセージは誰の声の可能性もあります。",
    "error_reading_mismatch": "読み上げが文と十分に一致しませんでした：書かれたとおりに"
    "聞き取れたのは {score}% で、{needed}% 必要です。新しい文でお試しください："
    "{minutes:g} 分以内に、このメッセージへ次の文を読み上げたボイスメッセージで返信して"
    "ください：\n\n{phrase}",
    "button_approve": "✅ 承認",
    "button_decline": "❌ 却下",
    "consent_approved": "✅ {speaker} さんが承認しました：「{name}」が使えるようになりました。",
    "consent_declined": "❌ {speaker} さんが却下しました：「{name}」とそのクリップを"
    "削除しました。",
    "myvoices_empty": "あなたの話し声から作られた声はありません。",
    "myvoices_header": "あなたの話し声から作られた声（取り消すとすべての場所から削除されます）：",
    "myvoice_line": "• {name}：{made} に {owner} さんが作成、{state}、使用回数 {uses} 回",
    "myvoice_pending": "あなたの承認待ち",
    "myvoice_approved": "{when} に承認",
    "myvoice_own": "あなた自身の声",
    "myvoice_verified": "あなた自身の声（文の読み上げで証明済み）",
    "button_revoke": "🗑 {name} を取り消す",
    "voice_revoked": "「{name}」をクリップとともにすべての場所から削除しました。",
    "copy_hosted": " 最初に話したときに音声サービスへアップロードされたコピーは、誰にも伝えて"
    "いない非公開のアドレスに残ります。このサービスには削除する方法がありません。",
    "forget_confirm": "あなたが作った声、あなたの話し声から作られた声、それらのクリップ、"
    "ここでのあなたのリクエストと設定をすべて削除します。元に戻せません。",
    "button_forget": "すべて削除",
    "button_cancel": "キャンセル",
    "forget_cancelled": "何も削除していません。",
    "forgotten": "完了しました。声 {voices} 件、音声クリップ {clips} 件、リクエスト {jobs} 件、"
    "設定 {settings} 件を削除しました。",
    "forgotten_hosted": " {hosted} 件のクリップが音声サービスにアップロードされていましたが、"
    "このサービスには削除する方法がありません。誰にも伝えていない非公開のアドレスにあります。",
    "voice_shared": "ここにいる全員が「{name}」を使えるようになりました。",
    "voice_unshared": "「{name}」はあなた専用になりました。あなただけが使えます。",
    "rules": "ここの設定：\n• 声を登録できる人：{who}\n• メンバー同士で声を使い合える：{share}\n"
    "• メンバー一人あたりの 1 日の文字数：{quota}",
    "rules_everyone": "全員",
    "rules_admins": "管理者のみ",
    "rules_role": "管理者と {role}",
    "rules_yes": "はい",
    "rules_no": "いいえ",
    "rules_no_limit": "無制限",
    "voice_line_pending": "（話し手本人の承認待ち）",
    "voice_line_unshared": "（登録者のみ）",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": "（停止中：通報あり）",
    "report_confirmed": "ありがとうございます。「{name}」を通報しました。このチャットの管理者が"
    "復元または削除するまで、ここでは使えません。",
    "report_notice": "⚠️ {told}：{reporter} さんが声「{name}」を通報しました。このチャットの"
    "管理者が復元または削除するまで、ここでは停止中です。",
    "report_reason": "\n理由：{reason}",
    "report_and": "、",
    "button_restore": "✅ 復元",
    "button_delete_reported": "🗑 削除",
    "report_restored": "✅ {admin} さんが「{name}」を復元しました。ここでまた使えます。",
    "report_deleted": "🗑 {admin} さんが「{name}」とそのクリップを削除しました。",
    "report_barred": "🚫 {admin} さんが「{name}」をこのチャットから外しました。登録者の個人の"
    "声なので本人のために残りますが、ここではもう使えません。",
}
