"""What only the Telegram bot says, in German: every sentence of `bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "Um diese Stimme zu behalten, antworte darauf mit /keep NAME.",
    "keep_usage": "Antworte mit /keep NAME auf eine entworfene Sprachnachricht, um diese Stimme "
    "zu behalten.",
    "tune_usage": "Schreib es so: /tune NAME temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9 (beliebig viele "
    "davon; keiner setzt zurück).",
    "voice_line": "{name} · {seconds:.0f} s",
    "voice_line_default": " · Standard",
    "voice_line_personal": " · persönlich",
    "tg_help": (
        "Ich spreche Text mit Stimmen, die du registrierst.\n\n"
        "Stimme registrieren: Antworte auf eine Sprachnachricht (oder Audiodatei, "
        "Videonachricht) mit\n"
        "/clone NAME  oder  /clone NAME | die darin gesprochenen Worte\n"
        "Im privaten Chat kannst du mir auch einfach eine Sprachnachricht schicken.\n\n"
        "Sprechen: /say NAME zu sprechender Text\n"
        "Langsamer oder schneller (0.5–2, gleiche Tonhöhe): /say NAME speed=1.25 Text\n"
        "In einer anderen Sprache, zuerst übersetzt: /say NAME >en Text (en, es, fr, ja…)\n"
        "Standard wählen: /default NAME, danach /say zu sprechender Text\n"
        "Antworte mit /say NAME auf eine Textnachricht, um diese Nachricht zu sprechen.\n"
        "Langer Text ist kein Problem: Er wird Satz für Satz gesprochen.\n"
        "Doch anders überlegt? ✖ unter dem Status oder /cancel für alle deine hier.\n\n"
        "Unter jeder Sprachnachricht: 🔁 neuer Versuch, 🎯 ruhiger, 🎨 lebhafter.\n"
        "Eine Stimme in Worten entwerfen: /design warmer älterer Mann, langsam | Guten Abend!\n"
        "dann antworte mit /keep NAME auf das Ergebnis, um diese Stimme zu behalten.\n"
        "Ein Gespräch: /dialogue, dann eine Zeile pro Wortmeldung:\n"
        "anna: Hallo Ben!\n"
        "ben: Hallo!\n"
        '"ein mürrischer Roboter": Piep.\n'
        "Feinabstimmung: /tune NAME temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "Verwalten: /voices (anhören, als Standard setzen, löschen), /rename ALT NEU, /delete "
        "NAME, /share NAME on|off\n\n"
        "Zustimmung: Wenn du die Sprachnachricht einer anderen Person klonst, frage ich sie "
        "zuerst; die Stimme spricht erst, wenn sie zustimmt. /myvoices zeigt jede Stimme, die "
        "aus deiner Sprache erstellt wurde (jede widerrufbar); /forgetme löscht alles, was ich "
        "über dich speichere. Gruppen-Admins: /settings.\n"
        "Eine Stimme bei den Admins einer Gruppe melden: /report NAME [Grund] oder antworte mit "
        "/report auf eine Sprachnachricht von mir; sie bleibt stumm, bis ein Admin sie "
        "wiederherstellt oder löscht.\n\n"
        "Beweise, dass eine Stimme deine eigene ist, und hab sie sofort bereit: /myvoice NAME "
        "zeigt einen Satz; antworte darauf mit einer Sprachnachricht, in der du ihn vorliest.\n\n"
        "Stimmen aus einer Gruppe gehören dieser Gruppe; Stimmen, die du hier privat erstellst, "
        "gehören nur dir. Beste Clips: 6–30 Sekunden, eine Person spricht, wenig Rauschen."
    ),
    "tg_clone_usage": "Antworte auf eine Sprachnachricht oder Videonachricht mit /clone NAME "
    "(oder /clone NAME | die darin gesprochenen Worte); auf eine Audiodatei, ein Dokument oder "
    "ein Video mit /clone NAME own (deine eigene Stimme) oder /clone NAME permission (jemand, "
    "der es dir erlaubt hat).",
    "tg_upload_how": "Das ist eine hochgeladene Datei, also könnte es jedermanns Stimme sein. "
    "Antworte darauf mit /clone NAME own, wenn es deine eigene Stimme ist, oder mit /clone NAME "
    "permission, wenn die sprechende Person es dir erlaubt hat.",
    "tg_ask_name": "Schöner Clip! Wie soll diese Stimme heißen? Schick einen Namen (Buchstaben, "
    "Ziffern, - oder _) oder /cancel.",
    "tg_cancelled": "Okay, ich habe den Clip verworfen.",
    "tg_rename_usage": "Schreib es so: /rename ALT NEU",
    "tg_delete_usage": "Schreib es so: /delete NAME",
    "tg_myvoice_usage": "Schreib es so: /myvoice NAME. Ich zeige dir einen kurzen Satz; antworte "
    "darauf mit einer Sprachnachricht, in der du ihn vorliest, und diese Aufnahme wird deine "
    "Stimme NAME, sofort bereit.",
    "tg_button_phrase": "🔁 Anderer Satz",
    "tg_report_usage": "Schreib es so: /report NAME [Grund] oder antworte mit /report [Grund] "
    "auf eine Sprachnachricht von mir.",
    "tg_default_usage": "Schreib es so: /default NAME",
    "tg_share_usage": "Schreib es so: /share NAME on (alle hier dürfen sie nutzen) oder /share "
    "NAME off (nur du).",
    "tg_as_yourself": "Schick das als du selbst, nicht anonym oder als Kanal: Eine Stimme "
    "braucht eine Person, der sie gehört.",
    "tg_not_your_button": "Nur wer gefragt hat, kann das beantworten.",
    "tg_settings_usage": "Admins können sie ändern: /settings clone everyone|admins, /settings "
    "share on|off, /settings quota ZEICHEN (0: kein Limit).",
    "cmd_clone": "Stimme registrieren (auf eine Sprachnachricht antworten)",
    "cmd_say": "Text mit einer Stimme sprechen",
    "cmd_voices": "Stimmen auflisten",
    "cmd_myvoice": "Beweisen, dass eine Stimme deine ist: einen Satz vorlesen",
    "cmd_myvoices": "Stimmen aus deiner Sprache; jede widerrufbar",
    "cmd_forgetme": "Alles löschen, was ich über dich speichere",
    "cmd_share": "Andere hier deine Stimme nutzen lassen – oder nicht",
    "cmd_settings": "Chat-Einstellungen (Admins): wer klont, Teilen, Kontingent",
    "cmd_design": "Mit einer in Worten beschriebenen Stimme sprechen",
    "cmd_dialogue": "Ein Gespräch: eine Zeile NAME: Text pro Wortmeldung",
    "cmd_keep": "Eine entworfene Stimme behalten (darauf antworten)",
    "cmd_cancel": "Deine laufenden Anfragen hier abbrechen",
    "cmd_tune": "temperature/top_k/top_p/speed einer Stimme einstellen",
    "cmd_default": "Standardstimme dieses Chats festlegen",
    "cmd_rename": "Stimme umbenennen",
    "cmd_delete": "Stimme löschen",
    "cmd_help": "So benutzt du diesen Bot",
    "cmd_report": "Eine Stimme bei den Admins dieser Gruppe melden",
}
