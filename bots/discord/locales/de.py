"""What only the Discord bot says, in German (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the German)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "Ich spreche Text mit Stimmen, die du registrierst.\n"
        "**Stimme registrieren**: Rechtsklick (lange drücken) auf eine Nachricht mit "
        "Sprachnachricht oder Audiodatei → Apps → **Diese Stimme klonen**; oder antworte darauf "
        "mit `@Bot clone NAME`; oder `/klonen name: audio: herkunft:` für eine Datei (auf einem "
        "Server gibt ein Admin sie frei).\n"
        "**Sprechen**: `/sagen stimme: text:` postet eine Sprachnachricht. `/standard` wählt die "
        "Stimme, die genutzt wird, wenn du `stimme` weglässt. Langer Text wird Satz für Satz "
        "gesprochen. Unter jedem Ergebnis: 🔁 neuer Versuch, 🎯 ruhiger, 🎨 lebhafter. Doch "
        "anders überlegt? ✖ unter dem Status oder `/abbrechen` für alle deine im Kanal.\n"
        "**Eine Stimme in Worten entwerfen**: `/entwerfen beschreibung: text:`, dann 💾 "
        "behalten.\n"
        "**Ein Gespräch**: `/dialog`, dann eine Zeile `name: text` pro Wortmeldung.\n"
        "**Feinabstimmung**: `/feintuning stimme: temperatur: top_k: top_p: tempo:` (tempo "
        "0.5–2: langsamer oder schneller, gleiche Tonhöhe); `/sagen` nimmt dieselben Optionen "
        "für eine Anfrage.\n"
        "**Verwalten**: `/stimmen` (anhören, als Standard setzen, löschen), `/umbenennen`, "
        "`/löschen`, `/teilen`.\n"
        "**Zustimmung**: Wenn du die Stimme einer anderen Person klonst, frage ich sie zuerst; "
        "die Stimme spricht erst, wenn sie zustimmt. `/meine-stimmen` zeigt jede Stimme, die aus "
        "deiner Sprache erstellt wurde (jede widerrufbar); `/vergiss-mich` löscht alles, was ich "
        "über dich speichere. Admins: `/einstellungen`.\n"
        "**Beweise, dass eine Stimme deine ist**, sofort bereit: `/meine-stimme name:` zeigt "
        "einen Satz; antworte darauf mit einer Sprachnachricht, in der du ihn vorliest.\n"
        "**Eine Stimme melden** bei den Admins des Servers: `/melden name:` oder auf einer "
        "Sprachnachricht von mir → Apps → **Stimme melden**; sie bleibt stumm, bis ein Admin sie "
        "wiederherstellt oder löscht.\n"
        "Stimmen, die auf einem Server erstellt werden, gehören ihm; Stimmen aus DMs gehören nur "
        "dir. Beste Clips: 6–30 Sekunden, eine Person spricht."
    ),
    "dc_not_a_bot_voice": "Das ist keine Sprachnachricht von mir. Nutze „Stimme melden“ auf "
    "einer von meinen oder /melden name:, um eine Stimme über ihren Namen zu melden.",
    "dc_no_audio": "Diese Nachricht enthält keine Sprachnachricht und keine Audiodatei zum "
    "Klonen.",
    "dc_upload_use_clone": "Das ist eine hochgeladene Datei, keine Sprachnachricht, die die "
    "sprechende Person selbst aufgenommen hat: Es könnte jedermanns Stimme sein. Registriere sie "
    "mit /klonen name: audio: herkunft: und gib an, wessen Stimme es ist (auf einem Server gibt "
    "sie dann ein Admin frei).",
    "dc_clone_usage": "Antworte auf eine Sprachnachricht oder Audiodatei mit @Bot clone NAME "
    "(oder @Bot clone NAME | die darin gesprochenen Worte).",
    "dc_modal_title": "Diese Stimme klonen",
    "dc_modal_name": "Name der Stimme",
    "dc_modal_transcript": "Im Clip gesprochene Worte (optional)",
    "dc_dialogue_title": "Ein Dialog",
    "dc_report_title": "Stimme melden",
    "dc_report_reason": "Warum? (optional: die Admins erfahren es)",
    "dc_dialogue_label": 'Je Zeile NAME: Text oder "Beschreibung": Text',
    "dc_pick_voice": "Wähl eine Stimme…",
    "dc_no_audio_to_say": "Diese Nachricht enthält keine Sprachnachricht und keine Audiodatei, "
    "deren Worte ich noch einmal sagen könnte.",
    "dc_speak_as_title": "Diese Worte noch einmal sagen",
    "dc_speak_as_voice": "Mit welcher Stimme?",
    "dc_voice_panel": "**{name}** · {seconds:.0f} s · „{transcript}“",
    "dc_button_sample": "▶ Anhören",
    "dc_button_approve_named": "✅ {name} zustimmen",
    "dc_button_decline_named": "❌ {name} ablehnen",
    "dc_said_by": "🔊 {label} · für {user}",
    "dc_voice_fallback": "In diesem Kanal darf ich keine Sprachnachrichten posten, darum hier "
    "eine Audiodatei. Ein Server-Admin kann mir die Berechtigung **Sprachnachrichten senden** "
    "geben.",
    "dc_read_in_dm": "Ich bin nicht in diesem Chat, eine Antwort hier erreicht mich also nicht: "
    "Schick deine Lesung als Sprachnachricht in einer DM an mich (mein Profil → Nachricht "
    "senden).",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "sagen",
    "Speak text in a stored voice, posted as a voice message.": (
        "Sprich Text mit einer gespeicherten Stimme, gepostet als Sprachnachricht."
    ),
    "text": "text",
    "What to say": "Was gesagt werden soll",
    "voice": "stimme",
    "Which voice (default: this server's default)": (
        "Welche Stimme (sonst: die Standardstimme dieses Servers)"
    ),
    "temperature": "temperatur",
    "0–1.5: lower is steadier, higher livelier": "0–1.5: niedriger ist ruhiger, höher lebhafter",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "tempo",
    "0.5–2: slower or faster, the same pitch": "0.5–2: langsamer oder schneller, gleiche Tonhöhe",
    "language": "sprache",
    "Say it in this language (the text is translated first)": (
        "Sag es in dieser Sprache (der Text wird zuerst übersetzt)"
    ),
    "English": "Englisch",
    "Chinese": "Chinesisch",
    "Spanish": "Spanisch",
    "French": "Französisch",
    "German": "Deutsch",
    "Italian": "Italienisch",
    "Portuguese": "Portugiesisch",
    "Dutch": "Niederländisch",
    "Polish": "Polnisch",
    "Russian": "Russisch",
    "Ukrainian": "Ukrainisch",
    "Japanese": "Japanisch",
    "Korean": "Koreanisch",
    # /design
    "design": "entwerfen",
    "Speak in a voice described in words; keep it as a voice if you like it.": (
        "Sprich mit einer in Worten beschriebenen Stimme; behalte sie, wenn sie dir gefällt."
    ),
    "description": "beschreibung",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": (
        "Die Stimme in Worten: wer, wie, wo (z. B. warmer älterer Mann, langsam, ruhiger Raum)"
    ),
    # /dialogue
    "dialogue": "dialog",
    "A conversation between voices: one `name: text` line per turn.": (
        "Ein Gespräch zwischen Stimmen: eine Zeile `name: text` pro Wortmeldung."
    ),
    # /cancel
    "cancel": "abbrechen",
    "Cancel your requests under way in this channel.": (
        "Brich deine laufenden Anfragen in diesem Kanal ab."
    ),
    # /clone
    "clone": "klonen",
    "Register a voice from an audio file; in a server an admin approves it first.": (
        "Registriere eine Stimme aus einer Audiodatei; auf einem Server gibt sie erst ein Admin "
        "frei."
    ),
    "name": "name",
    "Name for the voice (letters, digits, - or _)": (
        "Name der Stimme (Buchstaben, Ziffern, - oder _)"
    ),
    "audio": "audio",
    "A clip of one person speaking, 3–30 s": "Ein Clip, in dem eine Person spricht, 3–30 s",
    "statement": "herkunft",
    "Whose voice it is: a file could be anyone's": (
        "Wessen Stimme es ist: Eine Datei könnte von jedem sein"
    ),
    "my own voice": "meine eigene Stimme",
    "someone who gave me permission": "jemand, der es mir erlaubt hat",
    "transcript": "transkript",
    "The words spoken in the clip (optional)": "Die im Clip gesprochenen Worte (optional)",
    # /voices
    "voices": "stimmen",
    "List the voices usable here: play, set default, delete.": (
        "Zeig die Stimmen, die hier nutzbar sind: anhören, als Standard setzen, löschen."
    ),
    # /default
    "default": "standard",
    "Pick this server's (or DM's) default voice.": (
        "Wähl die Standardstimme dieses Servers (oder dieser DM)."
    ),
    "The voice /say uses when none is given": "Die Stimme, die /sagen ohne Angabe nutzt",
    # /tune
    "tune": "feintuning",
    "Set a voice's own sampling defaults.": "Leg die eigenen Sampling-Standardwerte einer Stimme "
    "fest.",
    "The voice to tune": "Die Stimme, die du anpassen willst",
    "0–1.5 (empty: the default)": "0–1.5 (leer: der Standardwert)",
    "-1–100 (empty: the default)": "-1–100 (leer: der Standardwert)",
    "0.1–1 (empty: the default)": "0.1–1 (leer: der Standardwert)",
    "0.5–2 (empty: as generated)": "0.5–2 (leer: wie erzeugt)",
    # /rename
    "rename": "umbenennen",
    "Give a voice a new name.": "Gib einer Stimme einen neuen Namen.",
    "The voice to rename": "Die Stimme, die du umbenennen willst",
    "new_name": "neuer_name",
    "Its new name": "Ihr neuer Name",
    # /delete
    "delete": "löschen",
    "Delete a voice and its clip.": "Lösch eine Stimme samt Clip.",
    "The voice to delete": "Die Stimme, die du löschen willst",
    # /share
    "share": "teilen",
    "Let others here use a voice you registered, or keep it to yourself.": (
        "Lass andere hier eine Stimme nutzen, die du registriert hast, oder behalte sie für dich."
    ),
    "A voice you registered": "Eine Stimme, die du registriert hast",
    "shared": "geteilt",
    "Yes: everyone here may use it; no: only you": "Ja: Alle hier dürfen sie nutzen; nein: nur du",
    # /myvoice
    "myvoice": "meine-stimme",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "Beweise, dass eine Stimme deine ist: Lies einen Satz per Sprachnachricht vor; das wird "
        "die Stimme."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": (
        "Name der Stimme aus deiner Aufnahme (Buchstaben, Ziffern, - oder _)"
    ),
    # /myvoices
    "myvoices": "meine-stimmen",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": (
        "Stimmen aus deiner Sprache, überall: zustimmen, ablehnen oder widerrufen."
    ),
    # /forgetme
    "forgetme": "vergiss-mich",
    "Delete everything this bot keeps about you (asks first).": (
        "Lösch alles, was dieser Bot über dich speichert (mit Rückfrage)."
    ),
    # /settings
    "settings": "einstellungen",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "Regeln des Servers: wer Stimmen registriert, Teilen, Tageskontingent (Admins ändern sie)."
    ),
    "Who may register voices": "Wer Stimmen registrieren darf",
    "everyone": "alle",
    "admins": "admins",
    "role": "rolle",
    "With clone: role, whose members may": "Bei klonen: rolle – deren Mitglieder dürfen es",
    "members_use_others": "fremde_stimmen",
    "May members use each other's voices?": "Dürfen Mitglieder die Stimmen der anderen nutzen?",
    "daily_chars": "zeichen_pro_tag",
    "Characters one member may have spoken per day (0: no limit)": (
        "Zeichen, die ein Mitglied pro Tag sprechen lassen darf (0: kein Limit)"
    ),
    # /report
    "report": "melden",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "Melde eine Stimme den Admins des Servers: Sie bleibt hier stumm, bis sie entscheiden."
    ),
    "The voice to report": "Die Stimme, die du melden willst",
    "reason": "grund",
    "Why (optional; shown in the channel)": "Warum (optional; wird im Kanal angezeigt)",
    # /help
    "help": "hilfe",
    "How to use this bot.": "So benutzt du diesen Bot.",
    # context menus
    "Clone this voice": "Diese Stimme klonen",
    "Report voice": "Stimme melden",
    "Speak as…": "Sprechen als…",
}
