"""What the bot says in Korean: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "제 쪽에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.",
    "error_config": "봇이 올바르게 설정되지 않았어요. 운영자에게 알려 주세요.",
    "error_bad_input": "요청을 이해하지 못했어요.",
    "error_not_audio": "이 파일은 제가 읽을 수 있는 오디오가 아니에요. 음성 메시지나 OGG, "
    "MP3, M4A, WAV, WebM/MP4 파일을 보내 주세요.",
    "error_file_too_large": "파일이 너무 커요(최대 {limit_mb:g} MB). 6–30초 길이의 짧은 "
    "클립이 가장 좋아요.",
    "error_audio_too_short": "이 클립에는 말소리가 {seconds:.1f}초밖에 없어요. 최소 "
    "{minimum:g}초가 필요해요. 한 사람이 말하는 6–30초 클립이 가장 좋아요.",
    "error_no_speech": "이 클립에서 말소리를 듣지 못했어요. 말소리가 또렷한 클립으로 다시 "
    "시도해 주세요.",
    "error_bad_voice_name": "‘{name}’은(는) 목소리 이름으로 쓸 수 없어요. 글자, 숫자, - 또는 "
    "_ 1–32자를 써 주세요(공백 없이). 예: 할아버지",
    "error_voice_name_taken": "여기에는 이미 ‘{name}’(이)라는 목소리가 있어요. 다른 이름을 "
    "고르거나 기존 목소리를 먼저 삭제해 주세요.",
    "error_voice_not_found": "여기에는 ‘{name}’(이)라는 목소리가 없어요.",
    "error_voice_not_found_suggest": "여기에는 ‘{name}’(이)라는 목소리가 없어요. 혹시 이걸 "
    "찾으셨나요? {suggestions}",
    "error_not_your_voice": "‘{name}’은(는) 등록한 사람이나 이곳의 관리자만 바꿀 수 있어요.",
    "error_take_gone": "그 요청은 더 이상 남아 있지 않아요. 다시 보내 주세요.",
    "error_no_description": "목소리를 설명한 뒤 텍스트를 써 주세요. 예: /design 따뜻한 "
    "노년 남성, 느리게 | 여러분, 안녕하세요.",
    "error_script_line": "{line}번째 줄: {problem}",
    "error_script_syntax": '각 줄을 이름: 텍스트 또는 "설명": 텍스트 형식으로 써 주세요.',
    "error_script_too_long": "대화는 최대 50줄까지예요.",
    "error_speaker_unknown": "누구의 목소리인지 알 수 없어서(숨겨진 전달 또는 봇) 본인에게 "
    "물어볼 수 없어요. 화자 본인이 직접 보낸 음성 메시지를 복제해 주세요.",
    "error_cloning_restricted": "이 채팅에서는 관리자(또는 지정된 역할의 멤버)만 목소리를 "
    "등록할 수 있어요.",
    "error_not_the_speaker": "이건 {name} 님만 결정할 수 있어요. 본인의 목소리니까요.",
    "error_request_closed": "이 요청은 더 이상 유효하지 않아요. 이미 응답했거나 만료되었거나 "
    "목소리가 삭제되었어요.",
    "error_admins_only": "이 채팅의 관리자만 설정을 바꿀 수 있어요.",
    "error_groups_only": "설정은 그룹과 서버용이에요. 개인 채팅의 목소리는 본인만 쓸 수 있어요.",
    "error_role_needed": "목소리를 등록할 수 있는 역할을 지정해 주세요.",
    "error_bad_quota": "하루 한도는 글자 수예요. 0(제한 없음) 이상의 숫자를 써 주세요.",
    "error_voice_pending": "‘{name}’은(는) 화자 본인의 승인을 기다리고 있어요. 본인이 동의하면 "
    "쓸 수 있어요.",
    "error_voice_awaiting_admin": "‘{name}’은(는) 이 채팅 관리자의 승인을 기다리고 있어요. "
    "관리자가 승인하면 쓸 수 있어요.",
    "error_statement_needed": "업로드한 파일은 누구의 목소리든 될 수 있으니 누구의 것인지 "
    "알려 주세요: own(내 목소리) 또는 permission(허락해 준 사람의 목소리). "
    "예: /clone 이름 own",
    "error_admin_approves": "업로드한 파일로 만든 목소리는 이 채팅의 관리자만 승인하거나 "
    "거절할 수 있어요.",
    "error_upload_not_shareable": "‘{name}’은(는) 어느 채팅 관리자도 승인하지 않은 업로드 "
    "파일로 만들어져서 나만 쓸 수 있고 공유할 수 없어요. 관리자가 승인할 수 있는 그룹에서 "
    "등록해 주세요.",
    "error_quota": "오늘 여기서 쓸 수 있는 {limit}자 중 {used}자를 썼어요. {hours}시간 후에 "
    "다시 쓸 수 있어요.",
    "error_already_requested": "이미 처리 중이에요. 목소리가 준비되는 대로 보내 드릴게요.",
    "error_cancelled": "✖ 취소했어요.",
    "error_not_your_request": "요청한 사람만 취소할 수 있어요.",
    "error_not_your_take": "이 목소리를 디자인한 사람만 저장할 수 있어요.",
    "error_too_many_voices": "이미 목소리 {limit}개를 등록해서 한 사람당 한도에 도달했어요. "
    "더 이상 쓰지 않는 목소리를 삭제한 뒤(/voices) 다시 시도해 주세요.",
    "error_too_many_voices_here": "이 채팅에는 이미 목소리 {limit}개가 있어서 한도에 "
    "도달했어요. 더 이상 쓰지 않는 목소리를 삭제한 뒤(/voices) 다시 시도해 주세요.",
    "error_voice_suspended": "‘{name}’은(는) 신고되어 여기서 정지되었어요. 이 채팅의 관리자가 "
    "복원하면 다시 쓸 수 있어요.",
    "error_already_suspended": "‘{name}’은(는) 이미 신고되었어요. 이 채팅의 관리자가 "
    "복원하거나 삭제할 때까지 여기서 정지 상태예요.",
    "error_reports_in_groups": "신고는 그룹과 서버용이에요. 개인 채팅의 목소리는 본인만 쓸 수 "
    "있어요.",
    "error_no_voice_to_report": "이 음성 메시지는 저장된 목소리로 말한 것이 아니에요"
    "(디자인한 목소리나 대화예요). 대신 목소리 이름으로 신고해 주세요.",
    "error_admins_settle": "신고된 목소리는 이 채팅의 관리자만 복원하거나 삭제할 수 있어요.",
    "error_report_settled": "이 신고는 이미 처리되었거나 목소리가 삭제되었어요.",
    "error_queue_full": "지금 너무 바빠요. 몇 분 후에 다시 시도해 주세요.",
    "error_busy": "잠시 일이 몰려서 처리하지 못했어요. 아무것도 바뀌지 않았어요. 1분 후에 "
    "다시 시도해 주세요.",
    "error_too_fast": "짧은 시간에 요청이 너무 많아요. {seconds}초 후에 다시 시도해 주세요.",
    "error_voice_gone": "그 목소리는 더 이상 없어요.",
    "error_no_voice_given": "어떤 목소리로 할까요? /say 이름 텍스트 라고 쓰거나, /default "
    "이름 으로 이 채팅의 기본 목소리를 골라 주세요.",
    "error_empty_text": "무엇을 말할지 알려 주세요. 예: /say 이름 안녕하세요!",
    "error_text_too_long": "텍스트가 {length}자예요. 한도는 {limit}자예요. 조금 줄여 주세요.",
    "error_translation_too_long": "번역하면 텍스트가 {length}자예요. 한도는 {limit}자예요. 조금 "
    "줄여 주세요.",
    "error_unknown_language": "‘{code}’(으)로는 말할 수 없어요. 번역할 수 있는 언어: {languages}.",
    "error_translation_unavailable": "번역하려면 음성 서비스가 필요한데, 이 봇에는 설정되어 있지 "
    "않아요. 언어를 빼면 쓰인 그대로 읽어 드려요.",
    "error_bad_sampling": "{field} 값은 {low}에서 {high} 사이여야 해요.",
    "error_unknown_setting": "‘{name}’(이)라는 설정은 없어요. temperature=, top_k=, "
    "top_p= 또는 speed= 를 써 주세요.",
    "error_transcript_needed": "이 클립에서 말한 내용이 필요해요. 대본으로 추가한 뒤 다시 "
    "시도해 주세요.",
    "error_listening_unavailable": "여기서는 음성 메시지를 들을 수 없어요. 그 말을 다른 목소리로 "
    "말하려면 음성 서비스가 필요한데, 이 봇에는 설정되어 있지 않아요.",
    "error_clip_too_long": "이 녹음은 {limit}초보다 길어서 한 번에 들을 수 있는 길이를 넘어요. "
    "더 짧은 녹음을 보내 주세요.",
    "error_upstream": "음성 서비스에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.",
    "error_upstream_auth": "음성 서비스가 봇의 API 키를 거부했어요. 봇 운영자에게 알려 주세요.",
    "error_upstream_balance": "봇의 음성 서비스 잔액이 바닥났어요. 봇 운영자에게 알려 주세요.",
    "error_upstream_rate_limited": "지금 음성 서비스가 바빠요. 1분 후에 다시 시도해 주세요.",
    "error_upstream_rejected": "음성 서비스가 이 요청을 처리할 수 없었어요. 다른 텍스트나 "
    "다른 목소리로 시도해 보세요.",
    "error_reference_unreachable": "음성 서비스가 이 목소리의 참조 클립을 쓸 수 없었어요. "
    "더 깨끗한 클립으로 목소리를 다시 등록해 보세요.",
    "error_upstream_unavailable": "지금은 음성 서비스에 연결할 수 없어요. 몇 분 후에 다시 "
    "시도해 주세요.",
    "error_upstream_timeout": "음성 서비스의 응답이 너무 오래 걸렸어요. 다시 시도해 주세요.",
    "error_task_failed": "음성 서비스가 생성하지 못했어요. 텍스트를 줄여서 다시 시도해 보세요.",
    "error_bad_upstream_audio": "음성 서비스가 재생할 수 없는 오디오를 보내왔어요. 다시 "
    "시도해 주세요.",
    "error_result_refused": "음성 서비스가 제가 다운로드하지 않는 곳의 오디오를 알려 줘서 "
    "받지 않았어요. 봇 운영자에게 알려 주세요.",
    "error_result_too_large": "음성 서비스가 요청한 것보다 훨씬 많은 오디오를 보내와서 "
    "중단했어요. 텍스트를 줄여서 다시 시도해 보세요.",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "대기 중이에요({position}번째)…",
    "progress_translating": "번역하고 있어요…",
    "progress_preparing": "목소리를 준비하고 있어요…",
    "progress_generating": "음성을 만들고 있어요…",
    "progress_generating_parts": "음성을 만들고 있어요: {parts}개 중 {part}번째…",
    "progress_encoding": "음성 메시지를 인코딩하고 있어요…",
    "voice_saved": "목소리 ‘{name}’을(를) 저장했어요({seconds:.1f}초). 대본: “{transcript}”",
    "voice_saved_no_transcript": "목소리 ‘{name}’을(를) 저장했어요({seconds:.1f}초). "
    "아직 대본이 없어요. 음성 서비스가 설정되면 받아쓰기가 돼요.",
    "voice_deleted": "목소리 ‘{name}’을(를) 삭제했어요.",
    "voice_renamed": "‘{old}’의 이름을 ‘{new}’(으)로 바꿨어요.",
    "voices_empty": "아직 여기에 목소리가 없어요. 누군가 말하는 클립으로 하나 등록해 보세요.",
    "voices_header": "여기서 쓸 수 있는 목소리:",
    "voices_more": "…그리고 {count}개 더 있어요. /say 에 이름을 붙여 쓰세요.",
    "offline_notice": "AI302_API_KEY가 설정되지 않아 오프라인 대체 엔진(espeak-ng)을 쓰고 "
    "있어요. 이 엔진은 목소리를 복제하지 않아요. 실제 기능을 쓰려면 키를 설정하세요.",
    "synthetic_label": "합성 음성: {name}",
    "synthetic_label_designed": "합성 음성(디자인): {description}",
    "button_again": "🔁 다시 하기",
    "button_steadier": "🎯 더 안정적으로",
    "button_livelier": "🎨 더 생동감 있게",
    "button_cancel_request": "✖ 취소",
    "cancel_done": "요청 {count}건을 취소했어요.",
    "cancel_nothing": "여기서 취소할 진행 중인 요청이 없어요.",
    "cancel_over": "그 요청은 더 이상 진행 중이 아니에요.",
    "button_keep_voice": "💾 이 목소리 저장",
    "voice_tuned": "‘{name}’은(는) 이제 이 설정으로 말해요: {settings}.",
    "voice_tuned_default": "‘{name}’은(는) 이제 서비스 기본 설정으로 말해요.",
    "voice_default_set": "‘{name}’이(가) 이제 여기의 기본 목소리예요. /say 에 텍스트만 쓰면 "
    "이 목소리로 말해요.",
    "confirm_delete": "목소리 ‘{name}’을(를) 삭제할까요? 되돌릴 수 없어요.",
    "voice_kept": "‘{name}’을(를) 저장했어요.",
    "button_default": "★ 기본으로",
    "button_delete": "🗑 삭제",
    "button_confirm_delete": "네, 삭제할게요",
    "button_keep": "그대로 두기",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "‘{name}’을(를) 저장했지만 {speaker} 님이 동의할 때까지 쓸 수 없어요. "
    "본인에게 물어봤어요.",
    "consent_unreached": "결국 {speaker} 님에게 연락하지 못해서 아직 물어보지 못했어요. "
    "본인은 /myvoices 에서 ‘{name}’을(를) 승인할 수 있어요.",
    "consent_request": "{speaker} 님, {owner} 님이 이 메시지 속 목소리를 ‘{name}’(으)로 "
    "등록하려고 해요. 승인하기 전에는 쓸 수 없고, 응답이 없으면 {hours:g}시간 후에 "
    "삭제돼요. 언제든 /myvoices 에서 내 목소리를 확인하거나 취소할 수 있어요.",
    "voice_pending_admin": "‘{name}’을(를) 저장했지만 이 채팅의 관리자가 승인할 때까지 쓸 수 "
    "없어요. 여기서 승인을 요청했어요.",
    "voice_saved_upload": "나만 쓸 수 있어요. 업로드한 파일로 만든 목소리는 공유되지 않아요.",
    "consent_unreached_admin": "여기에 관리자용 요청을 올리지 못해서 아직 어느 관리자에게도 "
    "물어보지 못했어요. ‘{name}’은(는) 관리자가 승인해야 쓸 수 있고, 아무도 승인하지 않으면 "
    "삭제돼요.",
    "consent_request_admin": "이 채팅 관리자의 승인이 필요해요: {owner} 님이 파일을 목소리 "
    "‘{name}’(으)로 업로드했고, {statement}(이)라고 밝혔어요. 관리자가 승인하기 전에는 쓸 수 "
    "없고, 응답이 없으면 {hours:g}시간 후에 삭제돼요.",
    "statement_own": "본인의 목소리",
    "statement_permission": "허락해 준 사람의 목소리",
    "console_upload_reminder": "알림: 목소리는 화자 본인의 허락을 받은 경우에만 복제하세요.",
    # --- proving a voice is your own: a fresh phrase read aloud (core.proof) --------------
    "proof_challenge": "🎙 ‘{name}’이(가) 내 목소리임을 증명하려면 {minutes:g}분 안에 다음 "
    "문장을 소리 내어 읽은 음성 메시지로 이 메시지에 답장해 주세요:\n\n{phrase}\n\n"
    "그 낭독이 그대로 목소리 ‘{name}’이(가) 되고 바로 쓸 수 있어요.",
    "proof_verified": "✅ 확인됐어요: 낭독이 문장과 일치했어요({score}%). ‘{name}’을(를) 내 "
    "목소리로 저장했어요({seconds:.1f}초). 지금 바로 쓸 수 있어요.",
    "proof_replaced": "‘{name}’(으)로 업로드한 파일을 대신해요.",
    "proof_hint": "내 목소리라면 바로 쓸 수 있게 할 수도 있어요: /myvoice {name} 을(를) "
    "입력하면 음성 메시지로 읽을 짧은 문장을 보여 드려요.",
    "error_proof_unavailable": "여기서는 낭독을 확인할 수 없어요. 문장 낭독으로 목소리를 "
    "증명하려면 음성 서비스가 필요한데, 이 봇에는 설정되어 있지 않아요.",
    "error_no_challenge": "여기서는 읽어 달라고 요청한 게 없어요(또는 그 문장은 이미 "
    "사용됐어요). 목소리가 내 것임을 증명하려면 /myvoice 로 문장을 요청하세요.",
    "error_challenge_expired": "‘{name}’의 문장 시간이 지났어요(제한 시간 {minutes:g}분). "
    "/myvoice 로 새 문장을 요청하세요.",
    "error_live_reading_needed": "문장은 바로 여기서 직접 녹음한 음성 메시지로 읽어 주세요. "
    "업로드한 파일이나 전달된 메시지는 누구의 목소리든 될 수 있어요.",
    "error_reading_mismatch": "낭독이 문장과 충분히 비슷하지 않았어요: 쓰인 대로 들린 부분이 "
    "{score}%이고, {needed}%가 필요해요. 새 문장으로 다시 해 보세요: {minutes:g}분 안에 "
    "다음 문장을 소리 내어 읽은 음성 메시지로 이 메시지에 답장해 주세요:\n\n{phrase}",
    "button_approve": "✅ 승인",
    "button_decline": "❌ 거절",
    "consent_approved": "✅ {speaker} 님이 승인했어요: 이제 ‘{name}’을(를) 쓸 수 있어요.",
    "consent_declined": "❌ {speaker} 님이 거절했어요: ‘{name}’과(와) 그 클립을 삭제했어요.",
    "myvoices_empty": "내 목소리로 만든 목소리가 없어요.",
    "myvoices_header": "내 목소리로 만든 목소리(취소하면 모든 곳에서 삭제돼요):",
    "myvoice_line": "• {name}: {made}에 {owner} 님이 만듦, {state}, {uses}회 사용",
    "myvoice_pending": "내 승인 대기 중",
    "myvoice_approved": "{when}에 승인함",
    "myvoice_own": "내 목소리",
    "myvoice_verified": "내 목소리(문장 낭독으로 증명됨)",
    "button_revoke": "🗑 {name} 취소",
    "voice_revoked": "‘{name}’을(를) 클립과 함께 모든 곳에서 삭제했어요.",
    "copy_hosted": " 처음 말할 때 음성 서비스에 업로드된 사본은 아무에게도 알려 주지 않은 "
    "비공개 주소에 남아 있어요. 이 서비스에는 삭제하는 방법이 없어요.",
    "forget_confirm": "내가 만든 목소리, 내 목소리로 만든 목소리, 그 클립들, 여기서의 내 요청과 "
    "설정을 모두 삭제해요. 되돌릴 수 없어요.",
    "button_forget": "모두 삭제",
    "button_cancel": "취소",
    "forget_cancelled": "아무것도 삭제하지 않았어요.",
    "forgotten": "완료했어요. 목소리 {voices}개, 오디오 클립 {clips}개, 요청 {jobs}건, "
    "설정 {settings}개를 삭제했어요.",
    "forgotten_hosted": " 클립 {hosted}개는 음성 서비스에 업로드되었는데, 이 서비스에는 "
    "삭제하는 방법이 없어요. 아무에게도 알려 주지 않은 비공개 주소에 있어요.",
    "voice_shared": "이제 여기 있는 모두가 ‘{name}’을(를) 쓸 수 있어요.",
    "voice_unshared": "‘{name}’은(는) 이제 나만 쓸 수 있어요.",
    "rules": "여기의 설정:\n• 목소리를 등록할 수 있는 사람: {who}\n• 멤버끼리 서로의 목소리 "
    "사용: {share}\n• 멤버 한 명당 하루 글자 수: {quota}",
    "rules_everyone": "모두",
    "rules_admins": "관리자만",
    "rules_role": "관리자와 {role}",
    "rules_yes": "예",
    "rules_no": "아니요",
    "rules_no_limit": "제한 없음",
    "voice_line_pending": " (화자 승인 대기 중)",
    "voice_line_unshared": " (등록자만)",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": " (정지됨: 신고됨)",
    "report_confirmed": "감사해요. ‘{name}’을(를) 신고했어요. 이 채팅의 관리자가 복원하거나 "
    "삭제할 때까지 여기서는 쓸 수 없어요.",
    "report_notice": "⚠️ {told}: {reporter} 님이 목소리 ‘{name}’을(를) 신고했어요. 이 채팅의 "
    "관리자가 복원하거나 삭제할 때까지 여기서 정지 상태예요.",
    "report_reason": "\n신고 사유: {reason}",
    "report_and": ", ",
    "button_restore": "✅ 복원",
    "button_delete_reported": "🗑 삭제",
    "report_restored": "✅ {admin} 님이 ‘{name}’을(를) 복원했어요. 여기서 다시 쓸 수 있어요.",
    "report_deleted": "🗑 {admin} 님이 ‘{name}’과(와) 그 클립을 삭제했어요.",
    "report_barred": "🚫 {admin} 님이 ‘{name}’을(를) 이 채팅에서 뺐어요. 등록자의 개인 "
    "목소리라서 본인을 위해 남아 있지만, 여기서는 더 이상 쓸 수 없어요.",
}
