"""What only the Telegram bot says, in Spanish: every sentence of `bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "Para guardar esta voz, respóndele con /keep NOMBRE.",
    "keep_usage": "Responde /keep NOMBRE a un mensaje de voz diseñado para guardar esa voz.",
    "tune_usage": "Escríbelo así: /tune NOMBRE temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9 (cualquiera "
    "de ellos; sin ninguno, se restablece).",
    "voice_line": "{name} · {seconds:.0f} s",
    "voice_line_default": " · predeterminada",
    "voice_line_personal": " · personal",
    "tg_help": (
        "Digo textos con las voces que registras.\n\n"
        "Registrar una voz: responde a un mensaje de voz (o archivo de audio, videomensaje) "
        "con\n"
        "/clone NOMBRE  o  /clone NOMBRE | las palabras que se dicen en él\n"
        "En un chat privado también puedes enviarme sin más un mensaje de voz.\n\n"
        "Hablar: /say NOMBRE texto que decir\n"
        "Más lento o más rápido (0.5–2, el mismo tono): /say NOMBRE speed=1.25 texto\n"
        "En otro idioma, traducido antes: /say NOMBRE >en texto (en, de, fr, ja…)\n"
        "Elegir una predeterminada: /default NOMBRE, y luego /say texto que decir\n"
        "Responde /say NOMBRE a un mensaje de texto para decir ese mensaje.\n"
        "Los textos largos no son problema: se dicen frase a frase.\n"
        "¿Cambiaste de idea? ✖ bajo el estado, o /cancel para todas tus solicitudes de aquí."
        "\n\n"
        "Bajo cada mensaje de voz: 🔁 otra toma, 🎯 más estable, 🎨 más viva.\n"
        "Diseña una voz con palabras: /design hombre mayor de voz cálida, lento | "
        "¡Buenas noches!\n"
        "y luego responde /keep NOMBRE al resultado para guardar esa voz.\n"
        "Una conversación: /dialogue, y luego una línea por turno:\n"
        'alicia: ¡Hola, Bob!\nbob: ¡Hola!\n"un robot gruñón": Bip.\n'
        "Ajuste fino: /tune NOMBRE temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "Gestionar: /voices (escuchar, hacer predeterminada, borrar), /rename ANTIGUO NUEVO, "
        "/delete NOMBRE, /share NOMBRE on|off\n\n"
        "Consentimiento: clonar el mensaje de voz de otra persona le pide permiso primero; "
        "solo habla cuando lo aprueba. /myvoices muestra todas las voces hechas a partir de "
        "tu voz (revoca la que quieras); /forgetme borra todo lo que guardo sobre ti. "
        "Admins de grupos: /settings.\n"
        "Reporta una voz a los admins de un grupo: /report NOMBRE [motivo], o responde "
        "/report a un mensaje de voz que yo haya publicado; queda en silencio hasta que un "
        "admin la restaure o la borre.\n\n"
        "Demuestra que una voz es tuya y tenla lista al momento: /myvoice NOMBRE te muestra "
        "una frase; respóndele con un mensaje de voz leyéndola en voz alta.\n\n"
        "Las voces hechas en un grupo son de ese grupo; las que haces aquí en privado son "
        "solo tuyas. Los mejores clips: 6–30 segundos de una persona hablando, con poco "
        "ruido."
    ),
    "tg_clone_usage": "Responde a un mensaje de voz o videomensaje con /clone NOMBRE (o /clone "
    "NOMBRE | las palabras que se dicen en él); a un archivo de audio, documento o vídeo con "
    "/clone NOMBRE own (tu propia voz) o /clone NOMBRE permission (alguien que te dio "
    "permiso).",
    "tg_upload_how": "Es un archivo subido, así que podría ser la voz de cualquiera. "
    "Respóndele con /clone NOMBRE own si es tu propia voz, o /clone NOMBRE permission si "
    "quien habla te dio permiso.",
    "tg_ask_name": "¡Buen clip! ¿Cómo llamo a esta voz? Envía un nombre (letras, dígitos, - "
    "o _), o /cancel.",
    "tg_cancelled": "Vale, me olvido de ese clip.",
    "tg_rename_usage": "Escríbelo así: /rename ANTIGUO NUEVO",
    "tg_delete_usage": "Escríbelo así: /delete NOMBRE",
    "tg_myvoice_usage": "Escríbelo así: /myvoice NOMBRE. Te muestro una frase corta; "
    "respóndele con un mensaje de voz leyéndola en voz alta, y esa lectura se convierte en "
    "tu voz NOMBRE, lista al momento.",
    "tg_button_phrase": "🔁 Otra frase",
    "tg_report_usage": "Escríbelo así: /report NOMBRE [motivo], o responde /report [motivo] a "
    "un mensaje de voz que yo haya publicado.",
    "tg_default_usage": "Escríbelo así: /default NOMBRE",
    "tg_share_usage": "Escríbelo así: /share NOMBRE on (todos aquí pueden usarla) o /share "
    "NOMBRE off (solo tú).",
    "tg_as_yourself": "Envíalo como tú, no de forma anónima ni como canal: una voz necesita "
    "una persona que sea su dueña.",
    "tg_not_your_button": "Solo quien lo pidió puede responder a esto.",
    "tg_settings_usage": "Los admins pueden cambiarlos: /settings clone everyone|admins, "
    "/settings share on|off, /settings quota CARACTERES (0: sin límite).",
    "cmd_clone": "Registrar una voz (responde a un mensaje de voz)",
    "cmd_say": "Decir un texto con una voz",
    "cmd_voices": "Ver las voces",
    "cmd_myvoice": "Demostrar que una voz es tuya leyendo una frase en voz alta",
    "cmd_myvoices": "Voces hechas a partir de tu voz; revocar las que quieras",
    "cmd_forgetme": "Borrar todo lo que guardo sobre ti",
    "cmd_share": "Dejar (o no) que otros de aquí usen tu voz",
    "cmd_settings": "Ajustes del chat (admins): quién clona, compartir, cuota",
    "cmd_design": "Hablar con una voz descrita con palabras",
    "cmd_dialogue": "Una conversación: una línea NOMBRE: texto por turno",
    "cmd_keep": "Guardar una voz diseñada (respóndele)",
    "cmd_cancel": "Cancelar tus solicitudes en curso aquí",
    "cmd_tune": "Ajustar temperature/top_k/top_p/speed de una voz",
    "cmd_default": "Elegir la voz predeterminada de este chat",
    "cmd_rename": "Renombrar una voz",
    "cmd_delete": "Borrar una voz",
    "cmd_help": "Cómo usar este bot",
    "cmd_report": "Reportar una voz a los admins de este grupo",
}
