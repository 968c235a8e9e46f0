"""What the bot says in German: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "Bei mir ist etwas schiefgelaufen. Versuch es bitte gleich noch mal.",
    "error_config": "Der Bot ist nicht richtig eingerichtet. Sag bitte seinem Betreiber Bescheid.",
    "error_bad_input": "Diese Anfrage habe ich nicht verstanden.",
    "error_not_audio": "Diese Datei ist kein Audio, das ich lesen kann. Schick eine "
    "Sprachnachricht oder eine OGG-, MP3-, M4A-, WAV- oder WebM/MP4-Datei.",
    "error_file_too_large": "Diese Datei ist zu groß (das Limit liegt bei {limit_mb:g} MB). Am "
    "besten eignet sich ein kurzer Clip von 6–30 Sekunden.",
    "error_audio_too_short": "Dieser Clip enthält nur {seconds:.1f} s Sprache; ich brauche "
    "mindestens {minimum:g} s. Am besten sind 6–30 Sekunden, in denen eine Person spricht.",
    "error_no_speech": "In diesem Clip höre ich niemanden sprechen. Versuch es mit einem Clip, "
    "in dem deutlich gesprochen wird.",
    "error_bad_voice_name": "„{name}“ kann kein Stimmenname sein. Verwende 1–32 Buchstaben, "
    "Ziffern, - oder _ (keine Leerzeichen), zum Beispiel: opa_joe.",
    "error_voice_name_taken": "Hier gibt es schon eine Stimme namens „{name}“. Wähl einen "
    "anderen Namen oder lösch zuerst die alte.",
    "error_voice_not_found": "Ich kenne hier keine Stimme namens „{name}“.",
    "error_voice_not_found_suggest": "Ich kenne hier keine Stimme namens „{name}“. Meintest du: "
    "{suggestions}?",
    "error_not_your_voice": "Nur die Person, die „{name}“ registriert hat, oder ein Admin hier "
    "kann die Stimme ändern.",
    "error_take_gone": "Diese Anfrage habe ich nicht mehr. Schick sie bitte noch einmal.",
    "error_no_description": "Beschreib zuerst die Stimme, dann den Text, zum Beispiel: /design "
    "warmer älterer Mann, langsam | Guten Abend zusammen.",
    "error_script_line": "Zeile {line}: {problem}",
    "error_script_syntax": 'schreib jede Zeile als NAME: Text oder "Beschreibung": Text.',
    "error_script_too_long": "ein Dialog hat höchstens 50 Zeilen.",
    "error_speaker_unknown": "Ich kann nicht erkennen, wessen Stimme das ist (eine verborgene "
    "Weiterleitung oder ein Bot), also kann ich die Person nicht fragen. Klone eine "
    "Sprachnachricht, die die sprechende Person selbst geschickt hat.",
    "error_cloning_restricted": "In diesem Chat können nur Admins (oder Mitglieder mit der "
    "gewählten Rolle) Stimmen registrieren.",
    "error_not_the_speaker": "Nur {name} kann das entscheiden: Es ist die eigene Stimme.",
    "error_request_closed": "Diese Anfrage ist nicht mehr offen: Sie wurde beantwortet, ist "
    "abgelaufen, oder die Stimme wurde gelöscht.",
    "error_admins_only": "Nur Admins dieses Chats können seine Einstellungen ändern.",
    "error_groups_only": "Einstellungen gibt es für Gruppen und Server; in einem privaten Chat "
    "gehören deine Stimmen nur dir.",
    "error_role_needed": "Gib an, welche Rolle Stimmen registrieren darf.",
    "error_bad_quota": "Das Tageskontingent ist eine Anzahl Zeichen: 0 (kein Limit) oder mehr.",
    "error_voice_pending": "„{name}“ wartet auf die Zustimmung der sprechenden Person; sobald "
    "sie zustimmt, kann die Stimme sprechen.",
    "error_voice_awaiting_admin": "„{name}“ wartet auf die Freigabe durch einen Admin dieses "
    "Chats; sobald ein Admin sie freigibt, kann sie sprechen.",
    "error_statement_needed": "Eine hochgeladene Datei könnte jedermanns Stimme sein, also sag, "
    "wessen sie ist: own (deine eigene Stimme) oder permission (jemand, der es dir erlaubt hat), "
    "z. B. /clone NAME own.",
    "error_admin_approves": "Nur ein Admin dieses Chats kann eine Stimme aus einer hochgeladenen "
    "Datei freigeben oder ablehnen.",
    "error_upload_not_shareable": "„{name}“ stammt aus einer hochgeladenen Datei, die kein Admin "
    "eines Chats freigegeben hat; sie gehört daher nur dir und kann nicht geteilt werden. "
    "Registriere sie in einer Gruppe, wo ein Admin sie freigeben kann.",
    "error_quota": "Du hast heute hier {used} von deinen {limit, plural, one {# Zeichen} other "
    "{# Zeichen}} verbraucht. Mehr gibt es in {hours} Std.",
    "error_already_requested": "Daran arbeite ich schon; die Stimme kommt, sobald sie fertig ist.",
    "error_cancelled": "✖ Abgebrochen.",
    "error_not_your_request": "Nur wer das angefragt hat, kann es abbrechen.",
    "error_not_your_take": "Nur wer diese Stimme entworfen hat, kann sie behalten.",
    "error_too_many_voices": "Du hast schon {limit, plural, one {# Stimme} other {# Stimmen}} "
    "registriert, mehr darf eine Person nicht. Lösch eine, die du nicht mehr nutzt (/voices), "
    "und versuch es dann noch mal.",
    "error_too_many_voices_here": "Dieser Chat hat schon {limit, plural, one {# Stimme} other {# "
    "Stimmen}}, mehr sind nicht erlaubt. Lösch eine, die hier nicht mehr genutzt wird (/voices), "
    "und versuch es dann noch mal.",
    "error_voice_suspended": "„{name}“ ist hier gesperrt: Jemand hat sie gemeldet. Sie kann "
    "wieder sprechen, sobald ein Admin dieses Chats sie wiederherstellt.",
    "error_already_suspended": "„{name}“ wurde bereits gemeldet: Sie ist hier gesperrt, bis ein "
    "Admin dieses Chats sie wiederherstellt oder löscht.",
    "error_reports_in_groups": "Meldungen gibt es für Gruppen und Server; in einem privaten Chat "
    "gehören deine Stimmen nur dir.",
    "error_no_voice_to_report": "Diese Sprachnachricht wurde nicht mit einer gespeicherten "
    "Stimme gesprochen (es war eine entworfene Stimme oder ein Dialog). Melde die Stimme "
    "stattdessen über ihren Namen.",
    "error_admins_settle": "Nur ein Admin dieses Chats kann eine gemeldete Stimme "
    "wiederherstellen oder löschen.",
    "error_report_settled": "Diese Meldung wurde schon bearbeitet, oder ihre Stimme wurde "
    "gelöscht.",
    "error_queue_full": "Ich habe gerade sehr viel zu tun. Versuch es bitte in ein paar Minuten "
    "noch mal.",
    "error_busy": "Ich bin gerade kurz überlastet und konnte das nicht erledigen; es wurde "
    "nichts geändert. Versuch es bitte in einer Minute noch mal.",
    "error_too_fast": "Das sind viele Anfragen in kurzer Zeit. Versuch es bitte in {seconds} s "
    "noch mal.",
    "error_voice_gone": "Diese Stimme gibt es nicht mehr.",
    "error_no_voice_given": "Welche Stimme? Schreib /say NAME Text oder wähl mit /default NAME "
    "eine Standardstimme für diesen Chat.",
    "error_empty_text": "Sag mir, was ich sagen soll, zum Beispiel: /say NAME Hallo zusammen!",
    "error_text_too_long": "Dieser Text ist {length, plural, one {# Zeichen} other {# Zeichen}} "
    "lang; das Limit liegt bei {limit}. Kürz ihn bitte.",
    "error_translation_too_long": "Übersetzt ist dieser Text "
    "{length, plural, one {# Zeichen} other {# Zeichen}} lang; das Limit liegt bei {limit}. "
    "Kürz ihn bitte.",
    "error_unknown_language": "Auf „{code}“ kann ich es nicht sagen. Die Sprachen, in die ich "
    "übersetze: {languages}.",
    "error_translation_unavailable": "Zum Übersetzen brauche ich den Sprachdienst, und der ist "
    "bei diesem Bot nicht eingerichtet. Lass die Sprache weg, um den Text so zu hören, wie er "
    "geschrieben ist.",
    "error_bad_sampling": "{field} muss zwischen {low} und {high} liegen.",
    "error_unknown_setting": "Die Einstellung „{name}“ kenne ich nicht: Verwende temperature=, "
    "top_k=, top_p= oder speed=.",
    "error_transcript_needed": "Ich brauche die Worte, die in diesem Clip gesprochen werden. Füg "
    "sie als Transkript hinzu und versuch es noch mal.",
    "error_listening_unavailable": "Hier kann ich keine Sprachnachrichten anhören: Um ihre Worte "
    "mit einer anderen Stimme zu sprechen, brauche ich den Sprachdienst, und der ist für diesen "
    "Bot nicht eingerichtet.",
    "error_clip_too_long": "Diese Aufnahme ist länger als {limit} Sekunden, mehr, als ich auf "
    "einmal anhöre. Schick bitte eine kürzere.",
    "error_upstream": "Beim Sprachdienst gab es ein Problem. Versuch es bitte gleich noch mal.",
    "error_upstream_auth": "Der Sprachdienst hat den API-Schlüssel des Bots abgelehnt. Sag bitte "
    "dem Betreiber des Bots Bescheid.",
    "error_upstream_balance": "Das Guthaben des Bots beim Sprachdienst ist aufgebraucht. Sag "
    "bitte dem Betreiber des Bots Bescheid.",
    "error_upstream_rate_limited": "Der Sprachdienst ist gerade ausgelastet. Versuch es bitte in "
    "einer Minute noch mal.",
    "error_upstream_rejected": "Der Sprachdienst konnte mit dieser Anfrage nichts anfangen. "
    "Versuch es mit anderem Text oder einer anderen Stimme.",
    "error_reference_unreachable": "Der Sprachdienst konnte den Referenzclip dieser Stimme nicht "
    "verwenden. Registriere die Stimme am besten noch einmal mit einem deutlicheren Clip.",
    "error_upstream_unavailable": "Der Sprachdienst ist gerade nicht erreichbar. Versuch es "
    "bitte in ein paar Minuten noch mal.",
    "error_upstream_timeout": "Der Sprachdienst hat zu lange für eine Antwort gebraucht. Versuch "
    "es bitte noch mal.",
    "error_task_failed": "Der Sprachdienst konnte das nicht erzeugen. Versuch es bitte noch mal, "
    "vielleicht mit kürzerem Text.",
    "error_bad_upstream_audio": "Der Sprachdienst hat Audio zurückgeschickt, das ich nicht "
    "abspielen kann. Versuch es bitte noch mal.",
    "error_result_refused": "Der Sprachdienst hat das Audio an einer Adresse angeboten, von der "
    "ich nicht herunterlade, also habe ich es dort gelassen. Sag bitte dem Betreiber des Bots "
    "Bescheid.",
    "error_result_too_large": "Der Sprachdienst hat weit mehr Audio geschickt als angefragt, "
    "also habe ich abgebrochen. Versuch es bitte noch mal, vielleicht mit kürzerem Text.",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "In der Warteschlange (Platz {position})…",
    "progress_translating": "Wird übersetzt…",
    "progress_preparing": "Stimme wird vorbereitet…",
    "progress_generating": "Sprache wird erzeugt…",
    "progress_generating_parts": "Sprache wird erzeugt: Teil {part} von {parts}…",
    "progress_encoding": "Sprachnachricht wird kodiert…",
    "voice_saved": "Stimme „{name}“ gespeichert ({seconds:.1f} s). Transkript: „{transcript}“",
    "voice_saved_no_transcript": "Stimme „{name}“ gespeichert ({seconds:.1f} s). Sie hat noch "
    "kein Transkript: Es wird erstellt, sobald der Sprachdienst eingerichtet ist.",
    "voice_deleted": "Stimme „{name}“ gelöscht.",
    "voice_renamed": "„{old}“ in „{new}“ umbenannt.",
    "voices_empty": "Hier gibt es noch keine Stimmen. Registriere eine aus einem Clip, in dem "
    "jemand spricht.",
    "voices_header": "Stimmen, die du hier nutzen kannst:",
    "voices_more": "…und {count, plural, one {# weitere} other {# weitere}}: Nutze /say mit dem "
    "Namen.",
    "offline_notice": "Kein AI302_API_KEY gesetzt: Ich nutze die Offline-Ersatz-Engine "
    "(espeak-ng). Sie klont keine Stimmen; setz einen Schlüssel, um das Original zu nutzen.",
    "synthetic_label": "synthetische Stimme: {name}",
    "synthetic_label_designed": "synthetische Stimme (entworfen): {description}",
    "button_again": "🔁 Neuer Versuch",
    "button_steadier": "🎯 Ruhiger",
    "button_livelier": "🎨 Lebhafter",
    "button_cancel_request": "✖ Abbrechen",
    "cancel_done": "{count, plural, one {# Anfrage} other {# Anfragen}} abgebrochen.",
    "cancel_nothing": "Du hast hier gerade nichts am Laufen, was sich abbrechen ließe.",
    "cancel_over": "Diese Anfrage läuft nicht mehr.",
    "button_keep_voice": "💾 Diese Stimme behalten",
    "voice_tuned": "„{name}“ spricht jetzt mit: {settings}.",
    "voice_tuned_default": "„{name}“ spricht jetzt mit den Standardeinstellungen des Dienstes.",
    "voice_default_set": "„{name}“ ist jetzt die Standardstimme hier: /say nur mit Text nutzt "
    "sie.",
    "confirm_delete": "Die Stimme „{name}“ löschen? Das lässt sich nicht rückgängig machen.",
    "voice_kept": "Als „{name}“ behalten.",
    "button_default": "★ Standard",
    "button_delete": "🗑 Löschen",
    "button_confirm_delete": "Ja, löschen",
    "button_keep": "Behalten",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "„{name}“ ist gespeichert, kann aber erst sprechen, wenn {speaker} "
    "zustimmt. Ich habe schon nachgefragt.",
    "consent_unreached": "Ich konnte {speaker} doch nicht erreichen, also wurde noch nicht "
    "gefragt; „{name}“ lässt sich aber weiterhin mit /myvoices freigeben.",
    "consent_request": "{speaker}, {owner} möchte deine Stimme aus dieser Nachricht als „{name}“ "
    "registrieren. Bis du zustimmst, kann sie nicht sprechen; ohne Antwort wird sie in {hours:g} "
    "Std. gelöscht. Mit /myvoices kannst du deine Stimmen jederzeit sehen oder widerrufen.",
    "voice_pending_admin": "„{name}“ ist gespeichert, kann aber erst sprechen, wenn ein Admin "
    "dieses Chats sie freigibt. Ich habe hier nachgefragt.",
    "voice_saved_upload": "Nur du kannst sie nutzen: Eine Stimme aus einer hochgeladenen Datei "
    "wird nicht geteilt.",
    "consent_unreached_admin": "Ich konnte die Anfrage an die Admins hier nicht posten, also "
    "wurde kein Admin gefragt; „{name}“ kann erst sprechen, wenn ein Admin sie freigibt, und "
    "wird gelöscht, falls das niemand tut.",
    "consent_request_admin": "Ein Admin dieses Chats muss das freigeben: {owner} hat eine Datei "
    "als Stimme „{name}“ hochgeladen und sagt, es sei {statement}. Bis ein Admin sie freigibt, "
    "kann sie nicht sprechen; ohne Antwort wird sie in {hours:g} Std. gelöscht.",
    "statement_own": "die eigene Stimme",
    "statement_permission": "die Stimme einer Person, die es erlaubt hat",
    "console_upload_reminder": "Zur Erinnerung: Klone eine Stimme nur mit Erlaubnis der "
    "sprechenden Person.",
    # --- proving a voice is your own: a fresh phrase read aloud (core.proof) --------------
    "proof_challenge": (
        "🎙 Um zu beweisen, dass „{name}“ deine eigene Stimme ist, antworte innerhalb von "
        "{minutes:g} Min. auf diese Nachricht mit einer Sprachnachricht, in der du vorliest:\n\n"
        "{phrase}\n\n"
        "Deine Aufnahme selbst wird zur Stimme „{name}“, sofort bereit."
    ),
    "proof_verified": "✅ Bestätigt: Deine Aufnahme passt zum Satz ({score} %). „{name}“ ist als "
    "deine eigene Stimme gespeichert ({seconds:.1f} s) und kann jetzt sprechen.",
    "proof_replaced": "Sie ersetzt die Datei, die du als „{name}“ hochgeladen hast.",
    "proof_hint": "Wenn es deine eigene Stimme ist, kannst du sie stattdessen sofort bereit "
    "haben: /myvoice {name} zeigt dir einen kurzen Satz, den du in einer Sprachnachricht "
    "vorliest.",
    "error_proof_unavailable": "Hier kann ich Aufnahmen nicht prüfen: Der Nachweis per "
    "vorgelesenem Satz braucht den Sprachdienst, und der ist für diesen Bot nicht eingerichtet.",
    "error_no_challenge": "Ich habe dich hier um kein Vorlesen gebeten (oder der Satz wurde "
    "schon verwendet). Um zu beweisen, dass eine Stimme deine eigene ist, hol dir mit /myvoice "
    "einen Satz.",
    "error_challenge_expired": "Die Zeit für den Satz zu „{name}“ ist abgelaufen (du hattest "
    "{minutes:g} Min.). Hol dir mit /myvoice einen neuen.",
    "error_live_reading_needed": "Lies den Satz in einer Sprachnachricht vor, die du selbst "
    "aufnimmst, genau hier: Eine hochgeladene Datei oder eine weitergeleitete Nachricht könnte "
    "jedermanns Stimme sein.",
    "error_reading_mismatch": "Die Aufnahme lag nicht nah genug am Satz: {score} % wurden wie "
    "geschrieben erkannt, nötig sind {needed} %. Versuch einen neuen Satz: Antworte innerhalb "
    "von {minutes:g} Min. auf diese Nachricht mit einer Sprachnachricht, in der du vorliest:\n\n"
    "{phrase}",
    "button_approve": "✅ Zustimmen",
    "button_decline": "❌ Ablehnen",
    "consent_approved": "✅ {speaker} hat zugestimmt: „{name}“ kann jetzt sprechen.",
    "consent_declined": "❌ {speaker} hat abgelehnt: „{name}“ und der Clip sind gelöscht.",
    "myvoices_empty": "Aus deiner Sprache wurde noch keine Stimme erstellt.",
    "myvoices_header": "Stimmen, die aus deiner Sprache erstellt wurden (Widerrufen löscht eine "
    "überall):",
    "myvoice_line": "• {name}: erstellt von {owner} am {made}; {state}; {uses, plural, one "
    "{einmal} other {# Mal}} benutzt",
    "myvoice_pending": "wartet auf deine Zustimmung",
    "myvoice_approved": "zugestimmt am {when}",
    "myvoice_own": "deine eigene",
    "myvoice_verified": "deine eigene, bestätigt durch Vorlesen eines Satzes",
    "button_revoke": "🗑 {name} widerrufen",
    "voice_revoked": "„{name}“ ist überall gelöscht, samt Clip.",
    "copy_hosted": " Eine Kopie, die beim ersten Sprechen zum Sprachdienst hochgeladen wurde, "
    "bleibt unter einer nicht öffentlichen Adresse, die sonst niemand bekommen hat: Der Dienst "
    "bietet keine Möglichkeit, sie zu löschen.",
    "forget_confirm": "Damit löschst du jede Stimme, die du erstellt hast oder die aus deiner "
    "Sprache erstellt wurde, ihre Clips, deine Anfragen und deine Einstellungen hier. Das lässt "
    "sich nicht rückgängig machen.",
    "button_forget": "Alles löschen",
    "button_cancel": "Abbrechen",
    "forget_cancelled": "Es wurde nichts gelöscht.",
    "forgotten": "Erledigt. Gelöscht: {voices, plural, one {# Stimme} other {# Stimmen}}, "
    "{clips, plural, one {# Audioclip} other {# Audioclips}}, {jobs, plural, one {# Anfrage} "
    "other {# Anfragen}} und {settings, plural, one {# Einstellung} other {# Einstellungen}}.",
    "forgotten_hosted": " {hosted, plural, one {# Clip wurde} other {# Clips wurden}} zum "
    "Sprachdienst hochgeladen, der keine Möglichkeit zum Löschen bietet; sie liegen unter nicht "
    "öffentlichen Adressen, die sonst niemand bekommen hat.",
    "voice_shared": "Alle hier dürfen „{name}“ jetzt nutzen.",
    "voice_unshared": "„{name}“ gehört jetzt nur dir: Nur du kannst sie nutzen.",
    "rules": (
        "Einstellungen hier:\n"
        "• wer Stimmen registrieren darf: {who}\n"
        "• Mitglieder dürfen die Stimmen der anderen nutzen: {share}\n"
        "• Zeichen pro Mitglied und Tag: {quota}"
    ),
    "rules_everyone": "alle",
    "rules_admins": "nur Admins",
    "rules_role": "Admins und {role}",
    "rules_yes": "ja",
    "rules_no": "nein",
    "rules_no_limit": "kein Limit",
    "voice_line_pending": " (wartet auf die sprechende Person)",
    "voice_line_unshared": " (nicht geteilt)",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": " (gesperrt: gemeldet)",
    "report_confirmed": "Danke. „{name}“ ist gemeldet: Sie kann hier nicht sprechen, bis ein "
    "Admin dieses Chats sie wiederherstellt oder löscht.",
    "report_notice": "⚠️ {told}: {reporter} hat die Stimme „{name}“ gemeldet. Sie ist hier "
    "gesperrt, bis ein Admin dieses Chats sie wiederherstellt oder löscht.",
    "report_reason": "\nAngegebener Grund: {reason}",
    "report_and": " und ",
    "button_restore": "✅ Wiederherstellen",
    "button_delete_reported": "🗑 Löschen",
    "report_restored": "✅ {admin} hat „{name}“ wiederhergestellt: Sie kann hier wieder sprechen.",
    "report_deleted": "🗑 {admin} hat „{name}“ samt Clip gelöscht.",
    "report_barred": "🚫 {admin} hat „{name}“ aus diesem Chat entfernt: Es ist die persönliche "
    "Stimme der Person, der sie gehört, daher bleibt sie für sie erhalten, kann hier aber nicht "
    "mehr sprechen.",
}
