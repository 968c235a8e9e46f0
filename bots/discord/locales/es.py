"""What only the Discord bot says, in Spanish (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the Spanish)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "Digo textos con las voces que registras.\n"
        "**Registrar una voz**: clic derecho (o mantén pulsado) en un mensaje con un mensaje de "
        "voz o archivo de audio → Aplicaciones → **Clonar esta voz**; o respóndele con "
        "`@bot clone NOMBRE`; o `/clonar nombre: audio: declaración:` para un archivo (en un "
        "servidor, un admin lo aprueba).\n"
        "**Hablar**: `/decir voz: texto:` publica un mensaje de voz. `/predeterminada` elige "
        "la voz que se usa cuando omites `voz`. Los textos largos se dicen frase a frase. "
        "Bajo cada resultado: 🔁 otra toma, 🎯 más estable, 🎨 más viva. ¿Cambiaste de idea? "
        "✖ bajo el estado, o `/cancelar` para todas tus solicitudes del canal.\n"
        "**Diseñar una voz con palabras**: `/diseñar descripción: texto:`, y luego 💾 "
        "guárdala.\n"
        "**Una conversación**: `/diálogo`, y luego una línea `nombre: texto` por turno.\n"
        "**Ajuste fino**: `/afinar voz: temperatura: top_k: top_p: velocidad:` (velocidad "
        "0.5–2: más lento o más rápido, el mismo tono); `/decir` acepta las mismas opciones "
        "para una sola petición.\n"
        "**Gestionar**: `/voces` (escuchar, hacer predeterminada, borrar), `/renombrar`, "
        "`/borrar`, `/compartir`.\n"
        "**Consentimiento**: clonar la voz de otra persona le pide permiso primero; solo habla "
        "cuando lo aprueba. `/mis-voces` muestra todas las voces hechas a partir de tu voz "
        "(revoca la que quieras); `/olvídame` borra todo lo que guardo sobre ti. Admins: "
        "`/ajustes`.\n"
        "**Demuestra que una voz es tuya**, lista al momento: `/mi-voz nombre:` te muestra "
        "una frase; respóndele con un mensaje de voz leyéndola en voz alta.\n"
        "**Reporta una voz** a los admins del servidor: `/reportar nombre:`, o en un mensaje "
        "de voz que yo haya publicado → Aplicaciones → **Reportar voz**; queda en silencio "
        "hasta que un admin la restaure o la borre.\n"
        "Las voces hechas en un servidor son de ese servidor; las hechas en MD son solo tuyas. "
        "Los mejores clips: 6–30 segundos de una persona hablando."
    ),
    "dc_not_a_bot_voice": "Ese no es un mensaje de voz que yo haya publicado. Usa “Reportar "
    "voz” en uno de los míos, o /reportar nombre: para reportar una voz por su nombre.",
    "dc_no_audio": "Ese mensaje no tiene ningún mensaje de voz ni archivo de audio que clonar.",
    "dc_upload_use_clone": "Es un archivo subido, no un mensaje de voz grabado por quien "
    "habla: podría ser la voz de cualquiera. Regístralo con /clonar nombre: audio: "
    "declaración: e indica de quién es (en un servidor, luego lo aprueba un admin).",
    "dc_clone_usage": "Responde a un mensaje de voz o archivo de audio con @bot clone NOMBRE "
    "(o @bot clone NOMBRE | las palabras que se dicen en él).",
    "dc_modal_title": "Clonar esta voz",
    "dc_modal_name": "Nombre de la voz",
    "dc_modal_transcript": "Palabras dichas en el clip (opcional)",
    "dc_dialogue_title": "Un diálogo",
    "dc_report_title": "Denunciar voz",
    "dc_report_reason": "¿Por qué? (opcional: lo leen los admins)",
    "dc_dialogue_label": "Un turno por línea: NOMBRE: texto",
    "dc_pick_voice": "Elige una voz…",
    "dc_no_audio_to_say": "Ese mensaje no tiene ningún mensaje de voz ni archivo de audio cuyas "
    "palabras pueda volver a decir.",
    "dc_speak_as_title": "Decir estas palabras otra vez",
    "dc_speak_as_voice": "¿Con qué voz?",
    "dc_voice_panel": "**{name}** · {seconds:.0f} s · “{transcript}”",
    "dc_button_sample": "▶ Escuchar",
    "dc_button_approve_named": "✅ Aprobar {name}",
    "dc_button_decline_named": "❌ Rechazar {name}",
    "dc_said_by": "🔊 {label} · para {user}",
    "dc_voice_fallback": "Este canal no me deja publicar mensajes de voz, así que aquí tienes "
    "un archivo de audio. Un admin del servidor puede darme el permiso **Enviar mensajes de "
    "voz**.",
    "dc_read_in_dm": "No estoy en este chat, así que una respuesta aquí no me llega: envía tu "
    "lectura como mensaje de voz en un MD conmigo (mi perfil → Enviar mensaje).",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "decir",
    "Speak text in a stored voice, posted as a voice message.": "Di un texto con una voz "
    "guardada, publicado como mensaje de voz.",
    "text": "texto",
    "What to say": "Qué decir",
    "voice": "voz",
    "Which voice (default: this server's default)": "Qué voz (por defecto: la predeterminada "
    "de este servidor)",
    "temperature": "temperatura",
    "0–1.5: lower is steadier, higher livelier": "0–1.5: más bajo, más estable; más alto, "
    "más viva",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "velocidad",
    "0.5–2: slower or faster, the same pitch": "0.5–2: más lento o más rápido, el mismo tono",
    "language": "idioma",
    "Say it in this language (the text is translated first)": (
        "Dilo en este idioma (el texto se traduce primero)"
    ),
    "English": "Inglés",
    "Chinese": "Chino",
    "Spanish": "Español",
    "French": "Francés",
    "German": "Alemán",
    "Italian": "Italiano",
    "Portuguese": "Portugués",
    "Dutch": "Neerlandés",
    "Polish": "Polaco",
    "Russian": "Ruso",
    "Ukrainian": "Ucraniano",
    "Japanese": "Japonés",
    "Korean": "Coreano",
    # /design
    "design": "diseñar",
    "Speak in a voice described in words; keep it as a voice if you like it.": "Habla con una "
    "voz descrita con palabras; guárdala como voz si te gusta.",
    "description": "descripción",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": "La voz "
    "en palabras: quién, cómo, dónde (p. ej. hombre mayor cálido, lento, sala tranquila)",
    # /dialogue
    "dialogue": "diálogo",
    "A conversation between voices: one `name: text` line per turn.": "Una conversación "
    "entre voces: una línea `nombre: texto` por turno.",
    # /cancel
    "cancel": "cancelar",
    "Cancel your requests under way in this channel.": "Cancela tus solicitudes en curso en "
    "este canal.",
    # /clone
    "clone": "clonar",
    "Register a voice from an audio file; in a server an admin approves it first.": "Registra "
    "una voz desde un archivo de audio; en un servidor, antes la aprueba un admin.",
    "name": "nombre",
    "Name for the voice (letters, digits, - or _)": "Nombre de la voz (letras, dígitos, - o _)",
    "audio": "audio",
    "A clip of one person speaking, 3–30 s": "Un clip de una persona hablando, 3–30 s",
    "statement": "declaración",
    "Whose voice it is: a file could be anyone's": "De quién es la voz: un archivo podría ser "
    "de cualquiera",
    "my own voice": "mi propia voz",
    "someone who gave me permission": "alguien que me dio permiso",
    "transcript": "transcripción",
    "The words spoken in the clip (optional)": "Las palabras que se dicen en el clip (opcional)",
    # /voices
    "voices": "voces",
    "List the voices usable here: play, set default, delete.": "Lista las voces que puedes "
    "usar aquí: escuchar, hacer predeterminada, borrar.",
    # /default
    "default": "predeterminada",
    "Pick this server's (or DM's) default voice.": "Elige la voz predeterminada de este "
    "servidor (o MD).",
    "The voice /say uses when none is given": "La voz que usa /decir cuando no se indica ninguna",
    # /tune
    "tune": "afinar",
    "Set a voice's own sampling defaults.": "Fija los valores de muestreo propios de una voz.",
    "The voice to tune": "La voz que afinar",
    "0–1.5 (empty: the default)": "0–1.5 (vacío: el valor predeterminado)",
    "-1–100 (empty: the default)": "-1–100 (vacío: el valor predeterminado)",
    "0.1–1 (empty: the default)": "0.1–1 (vacío: el valor predeterminado)",
    "0.5–2 (empty: as generated)": "0.5–2 (vacío: tal como se generó)",
    # /rename
    "rename": "renombrar",
    "Give a voice a new name.": "Ponle un nombre nuevo a una voz.",
    "The voice to rename": "La voz que renombrar",
    "new_name": "nuevo_nombre",
    "Its new name": "Su nuevo nombre",
    # /delete
    "delete": "borrar",
    "Delete a voice and its clip.": "Borra una voz y su clip.",
    "The voice to delete": "La voz que borrar",
    # /share
    "share": "compartir",
    "Let others here use a voice you registered, or keep it to yourself.": "Deja que otros de "
    "aquí usen una voz que registraste, o guárdala para ti.",
    "A voice you registered": "Una voz que registraste",
    "shared": "compartida",
    "Yes: everyone here may use it; no: only you": "Sí: todos aquí pueden usarla; no: solo tú",
    # /myvoice
    "myvoice": "mi-voz",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "Demuestra que una voz es tuya: lee una frase en un mensaje de voz; se convierte en la "
        "voz."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": "Nombre de la voz "
    "que será tu lectura (letras, dígitos, - o _)",
    # /myvoices
    "myvoices": "mis-voces",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": "Voces hechas "
    "a partir de tu voz, en cualquier sitio: apruébalas, recházalas o revócalas.",
    # /forgetme
    "forgetme": "olvídame",
    "Delete everything this bot keeps about you (asks first).": "Borra todo lo que este bot "
    "guarda sobre ti (pregunta antes).",
    # /settings
    "settings": "ajustes",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "Reglas del servidor: quién registra voces, compartir, cuota diaria (las cambian los "
        "admins)."
    ),
    "Who may register voices": "Quién puede registrar voces",
    "everyone": "todos",
    "admins": "admins",
    "role": "rol",
    "With clone: role, whose members may": "Con clonar: rol, sus miembros pueden",
    "members_use_others": "usar_voces_de_otros",
    "May members use each other's voices?": "¿Pueden los miembros usar las voces de otros?",
    "daily_chars": "caracteres_diarios",
    "Characters one member may have spoken per day (0: no limit)": "Caracteres que cada "
    "miembro puede hacer decir al día (0: sin límite)",
    # /report
    "report": "reportar",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "Reporta una voz a los admins del servidor: queda en silencio aquí hasta que decidan."
    ),
    "The voice to report": "La voz que reportar",
    "reason": "motivo",
    "Why (optional; shown in the channel)": "Por qué (opcional; se muestra en el canal)",
    # /help
    "help": "ayuda",
    "How to use this bot.": "Cómo usar este bot.",
    # context menus
    "Clone this voice": "Clonar esta voz",
    "Report voice": "Reportar voz",
    "Speak as…": "Hablar como…",
}
