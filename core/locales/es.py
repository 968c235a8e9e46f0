"""What the bot says in Spanish: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "Algo salió mal por mi parte. Inténtalo de nuevo en un momento.",
    "error_config": "El bot no está bien configurado. Avisa a quien lo administra.",
    "error_bad_input": "No he entendido esa solicitud.",
    "error_not_audio": "Ese archivo no es un audio que pueda leer. Envía un mensaje de voz o un "
    "archivo OGG, MP3, M4A, WAV o WebM/MP4.",
    "error_file_too_large": "Ese archivo es demasiado grande (el límite es {limit_mb:g} MB). "
    "Lo mejor es un clip corto de 6–30 segundos.",
    "error_audio_too_short": "Ese clip solo tiene {seconds:.1f} s de voz; necesito al menos "
    "{minimum:g} s. Lo mejor son 6–30 segundos de una sola persona hablando.",
    "error_no_speech": "No oigo a nadie hablar en ese clip. Prueba con uno en el que se hable "
    "con claridad.",
    "error_bad_voice_name": "“{name}” no puede ser el nombre de una voz. Usa 1–32 letras, "
    "dígitos, - o _ (sin espacios), por ejemplo: abuelo_pepe.",
    "error_voice_name_taken": "Ya hay una voz llamada “{name}” aquí. Elige otro nombre o borra "
    "antes la antigua.",
    "error_voice_not_found": "No conozco ninguna voz llamada “{name}” aquí.",
    "error_voice_not_found_suggest": "No conozco ninguna voz llamada “{name}” aquí. "
    "¿Querías decir: {suggestions}?",
    "error_not_your_voice": "Solo quien registró “{name}”, o un admin de aquí, puede cambiarla.",
    "error_take_gone": "Ya no tengo esa solicitud. Envíala de nuevo, por favor.",
    "error_no_description": "Describe la voz y luego el texto, por ejemplo: /design hombre "
    "mayor de voz cálida, lento | Buenas noches a todos.",
    "error_script_line": "Línea {line}: {problem}",
    "error_script_syntax": 'escribe cada línea como NOMBRE: texto, o "descripción": texto.',
    "error_script_too_long": "un diálogo tiene como máximo 50 líneas.",
    "error_speaker_unknown": "No sé de quién es esa voz (un reenvío oculto o un bot), así que "
    "no puedo pedirle permiso. Clona un mensaje de voz que haya enviado la propia persona.",
    "error_cloning_restricted": "En este chat, solo los admins (o los miembros con el rol "
    "elegido) pueden registrar voces.",
    "error_not_the_speaker": "Solo {name} puede decidir esto: es su voz.",
    "error_request_closed": "Esta solicitud ya no está abierta: ya se respondió, caducó o se "
    "borró la voz.",
    "error_admins_only": "Solo los admins de este chat pueden cambiar sus ajustes.",
    "error_groups_only": "Los ajustes son para grupos y servidores; en un chat privado tus "
    "voces son solo tuyas.",
    "error_role_needed": "Indica qué rol puede registrar voces.",
    "error_bad_quota": "La cuota diaria es un número de caracteres: 0 (sin límite) o más.",
    "error_voice_pending": "“{name}” está esperando la aprobación de la persona de la voz; "
    "podrá hablar en cuanto acepte.",
    "error_voice_awaiting_admin": "“{name}” está esperando la aprobación de un admin de este "
    "chat; podrá hablar en cuanto uno la apruebe.",
    "error_statement_needed": "Un archivo subido podría ser la voz de cualquiera, así que "
    "indica de quién es: own (tu propia voz) o permission (alguien que te dio permiso), "
    "p. ej. /clone NOMBRE own.",
    "error_admin_approves": "Solo un admin de este chat puede aprobar o rechazar una voz hecha "
    "a partir de un archivo subido.",
    "error_upload_not_shareable": "“{name}” se hizo a partir de un archivo subido que ningún "
    "admin de un chat aprobó, así que sigue siendo solo tuya y no se puede compartir. "
    "Regístrala en un grupo, donde un admin pueda aprobarla.",
    "error_quota": "Hoy ya has usado {used} de tus "
    "{limit, plural, one {# carácter} many {# de caracteres} other {# caracteres}} "
    "aquí. Tendrás más en {hours} h.",
    "error_already_requested": "Ya estoy con eso; la voz llegará en cuanto esté lista.",
    "error_cancelled": "✖ Cancelado.",
    "error_not_your_request": "Solo quien lo pidió puede cancelarlo.",
    "error_not_your_take": "Solo quien diseñó esta voz puede guardarla.",
    "error_too_many_voices": "Ya has registrado "
    "{limit, plural, one {# voz} many {# de voces} other {# voces}}, el máximo por "
    "persona. Borra una que ya no uses (/voices) y vuelve a intentarlo.",
    "error_too_many_voices_here": "Este chat ya tiene "
    "{limit, plural, one {# voz} many {# de voces} other {# voces}}, el máximo "
    "permitido. Borra una que ya no se use (/voices) y vuelve a intentarlo.",
    "error_voice_suspended": "“{name}” está suspendida aquí: alguien la reportó. Podrá volver a "
    "hablar cuando un admin de este chat la restaure.",
    "error_already_suspended": "“{name}” ya fue reportada: está suspendida aquí hasta que un "
    "admin de este chat la restaure o la borre.",
    "error_reports_in_groups": "Los reportes son para grupos y servidores; en un chat privado "
    "tus voces son solo tuyas.",
    "error_no_voice_to_report": "Ese mensaje de voz no se dijo con una voz guardada (era una "
    "voz diseñada o un diálogo). Reporta la voz por su nombre.",
    "error_admins_settle": "Solo un admin de este chat puede restaurar o borrar una voz "
    "reportada.",
    "error_report_settled": "Este reporte ya se resolvió, o su voz se borró.",
    "error_queue_full": "Ahora mismo estoy muy ocupado. Inténtalo de nuevo en unos minutos.",
    "error_busy": "Estoy desbordado un momento y no he podido hacerlo; no se ha cambiado nada. "
    "Inténtalo de nuevo en un minuto.",
    "error_too_fast": "Son muchas solicitudes en poco tiempo. Inténtalo de nuevo en {seconds} s.",
    "error_voice_gone": "Esa voz ya no existe.",
    "error_no_voice_given": "¿Qué voz? Escribe /say NOMBRE texto, o elige una voz "
    "predeterminada para este chat con /default NOMBRE.",
    "error_empty_text": "Dime qué tengo que decir, por ejemplo: /say NOMBRE ¡Hola!",
    "error_text_too_long": "Ese texto tiene "
    "{length, plural, one {# carácter} many {# de caracteres} other {# caracteres}}; "
    "el límite es {limit}. Acórtalo, por favor.",
    "error_translation_too_long": "Traducido, ese texto tiene "
    "{length, plural, one {# carácter} many {# de caracteres} other {# caracteres}}; "
    "el límite es {limit}. Acórtalo, por favor.",
    "error_unknown_language": "No puedo decirlo en “{code}”. Los idiomas a los que traduzco: "
    "{languages}.",
    "error_translation_unavailable": "Para traducir hace falta el servicio de voz, y este bot no "
    "lo tiene configurado. Quita el idioma para oír el texto tal como está escrito.",
    "error_bad_sampling": "{field} debe estar entre {low} y {high}.",
    "error_unknown_setting": "No conozco el ajuste “{name}”: usa temperature=, top_k=, "
    "top_p= o speed=.",
    "error_transcript_needed": "Necesito las palabras que se dicen en ese clip. Añádelas como "
    "transcripción y vuelve a intentarlo.",
    "error_listening_unavailable": "Aquí no puedo escuchar mensajes de voz: decir sus palabras "
    "con otra voz requiere el servicio de voz, y este bot no lo tiene configurado.",
    "error_clip_too_long": "Esa grabación dura más de {limit} segundos, más de lo que escucho de "
    "una vez. Envía una más corta.",
    "error_upstream": "El servicio de voz tuvo un problema. Inténtalo de nuevo en un momento.",
    "error_upstream_auth": "El servicio de voz rechazó la clave de API del bot. Avisa a quien "
    "administra el bot.",
    "error_upstream_balance": "Se ha agotado el saldo del servicio de voz del bot. Avisa a "
    "quien administra el bot.",
    "error_upstream_rate_limited": "El servicio de voz está ocupado ahora mismo. Inténtalo de "
    "nuevo en un minuto.",
    "error_upstream_rejected": "El servicio de voz no pudo usar esa solicitud. Prueba con otro "
    "texto u otra voz.",
    "error_reference_unreachable": "El servicio de voz no pudo usar el clip de referencia de "
    "esta voz. Prueba a registrarla de nuevo con un clip más claro.",
    "error_upstream_unavailable": "No se puede acceder al servicio de voz ahora mismo. "
    "Inténtalo de nuevo en unos minutos.",
    "error_upstream_timeout": "El servicio de voz tardó demasiado en responder. Inténtalo de "
    "nuevo.",
    "error_task_failed": "El servicio de voz no pudo generarlo. Inténtalo de nuevo, quizá con "
    "un texto más corto.",
    "error_bad_upstream_audio": "El servicio de voz devolvió un audio que no puedo reproducir. "
    "Inténtalo de nuevo.",
    "error_result_refused": "El servicio de voz ofreció el audio desde un sitio del que no "
    "descargo, así que lo dejé allí. Avisa a quien administra el bot.",
    "error_result_too_large": "El servicio de voz devolvió mucho más audio del que pedí, así "
    "que paré. Inténtalo de nuevo, quizá con un texto más corto.",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "Esperando turno (posición {position})…",
    "progress_translating": "Traduciendo…",
    "progress_preparing": "Preparando la voz…",
    "progress_generating": "Generando la voz…",
    "progress_generating_parts": "Generando la voz: parte {part} de {parts}…",
    "progress_encoding": "Codificando el mensaje de voz…",
    "voice_saved": "Voz “{name}” guardada ({seconds:.1f} s). Transcripción: “{transcript}”",
    "voice_saved_no_transcript": "Voz “{name}” guardada ({seconds:.1f} s). Aún no tiene "
    "transcripción: se transcribirá cuando el servicio de voz esté configurado.",
    "voice_deleted": "Voz “{name}” borrada.",
    "voice_renamed": "“{old}” ahora se llama “{new}”.",
    "voices_empty": "Aún no hay voces aquí. Registra una a partir de un clip de alguien hablando.",
    "voices_header": "Voces que puedes usar aquí:",
    "voices_more": "…y {count} más: usa /say con el nombre.",
    "offline_notice": "No hay AI302_API_KEY: uso el motor sustituto sin conexión (espeak-ng). "
    "No clona voces; configura una clave para usar el de verdad.",
    "synthetic_label": "voz sintética: {name}",
    "synthetic_label_designed": "voz sintética (diseñada): {description}",
    "button_again": "🔁 Otra toma",
    "button_steadier": "🎯 Más estable",
    "button_livelier": "🎨 Más viva",
    "button_cancel_request": "✖ Cancelar",
    "cancel_done": "{count, plural, one {Se canceló # solicitud} "
    "many {Se cancelaron # de solicitudes} other {Se cancelaron # solicitudes}}.",
    "cancel_nothing": "No tienes nada en curso aquí que cancelar.",
    "cancel_over": "Esa solicitud ya no está en curso.",
    "button_keep_voice": "💾 Guardar esta voz",
    "voice_tuned": "“{name}” ahora habla con: {settings}.",
    "voice_tuned_default": "“{name}” ahora habla con los ajustes predeterminados del servicio.",
    "voice_default_set": "“{name}” es ahora la voz predeterminada aquí: /say solo con texto "
    "la usa.",
    "confirm_delete": "¿Borrar la voz “{name}”? No se puede deshacer.",
    "voice_kept": "“{name}” guardada.",
    "button_default": "★ Predeterminada",
    "button_delete": "🗑 Borrar",
    "button_confirm_delete": "Sí, borrar",
    "button_keep": "Conservarla",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "“{name}” está guardada, pero no podrá hablar hasta que {speaker} "
    "acepte. Ya se lo he pedido.",
    "consent_unreached": "Al final no pude contactar con {speaker}, así que no se le ha "
    "preguntado; aún puede aprobar “{name}” con /myvoices.",
    "consent_request": "{speaker}, {owner} quiere registrar tu voz como “{name}” a partir de "
    "este mensaje. Hasta que la apruebes, no podrá hablar; si no respondes, se borrará en "
    "{hours:g} h. Consulta o revoca tus voces cuando quieras con /myvoices.",
    "voice_pending_admin": "“{name}” está guardada, pero no podrá hablar hasta que un admin de "
    "este chat la apruebe. Ya lo he pedido aquí.",
    "voice_saved_upload": "Solo tú puedes usarla: una voz de un archivo subido no se comparte.",
    "consent_unreached_admin": "No pude publicar aquí la solicitud para un admin, así que no se "
    "ha preguntado a ningún admin; “{name}” no podrá hablar hasta que uno la apruebe, y se "
    "borrará si nadie lo hace.",
    "consent_request_admin": "Un admin de este chat debe aprobar esto: {owner} subió un "
    "archivo como la voz “{name}” y dice que es {statement}. Hasta que un admin la apruebe, "
    "no podrá hablar; si nadie responde, se borrará en {hours:g} h.",
    "statement_own": "su propia voz",
    "statement_permission": "la voz de alguien que dio permiso",
    "console_upload_reminder": "Recuerda: clona una voz solo con el permiso de quien habla.",
    "button_approve": "✅ Aprobar",
    "button_decline": "❌ Rechazar",
    "consent_approved": "✅ {speaker} aceptó: “{name}” ya puede hablar.",
    "consent_declined": "❌ {speaker} rechazó: “{name}” y su clip se han borrado.",
    "myvoices_empty": "No se ha hecho ninguna voz a partir de tu voz.",
    "myvoices_header": "Voces hechas a partir de tu voz (revocar una la borra en todas partes):",
    "myvoice_line": "• {name}: creada por {owner} el {made}; {state}; usada "
    "{uses, plural, one {# vez} many {# de veces} other {# veces}}",
    "myvoice_pending": "esperando tu aprobación",
    "myvoice_approved": "aprobada el {when}",
    "myvoice_own": "tuya",
    "button_revoke": "🗑 Revocar {name}",
    "voice_revoked": "“{name}” se ha borrado en todas partes, con su clip.",
    "copy_hosted": " Una copia que se subió al servicio de voz la primera vez que habló sigue "
    "en una dirección no pública que no se dio a nadie más: el servicio no ofrece forma de "
    "borrarla.",
    "forget_confirm": "Esto borra todas las voces que hiciste o que se hicieron a partir de "
    "tu voz, sus clips, tus solicitudes y tus ajustes aquí. No se puede deshacer.",
    "button_forget": "Borrar todo",
    "button_cancel": "Cancelar",
    "forget_cancelled": "No se ha borrado nada.",
    "forgotten": "Hecho. Se han borrado "
    "{voices, plural, one {# voz} many {# de voces} other {# voces}}, "
    "{clips, plural, one {# clip de audio} many {# de clips de audio} "
    "other {# clips de audio}}, "
    "{jobs, plural, one {# solicitud} many {# de solicitudes} other {# solicitudes}} y "
    "{settings, plural, one {# ajuste} many {# de ajustes} other {# ajustes}}.",
    "forgotten_hosted": " {hosted, plural, "
    "one {# clip se había subido al servicio de voz, que no ofrece forma de borrarlo; está "
    "en una dirección no pública que no se dio a nadie más.} "
    "many {# de clips se habían subido al servicio de voz, que no ofrece forma de borrarlos; "
    "están en direcciones no públicas que no se dieron a nadie más.} "
    "other {# clips se habían subido al servicio de voz, que no ofrece forma de borrarlos; "
    "están en direcciones no públicas que no se dieron a nadie más.}}",
    "voice_shared": "Ahora todos aquí pueden usar “{name}”.",
    "voice_unshared": "“{name}” es ahora solo tuya: solo tú puedes usarla.",
    "rules": "Ajustes de aquí:\n• quién puede registrar voces: {who}\n• los miembros pueden "
    "usar las voces de otros: {share}\n• caracteres por miembro y día: {quota}",
    "rules_everyone": "todos",
    "rules_admins": "solo admins",
    "rules_role": "admins y {role}",
    "rules_yes": "sí",
    "rules_no": "no",
    "rules_no_limit": "sin límite",
    "voice_line_pending": " (esperando a la persona de la voz)",
    "voice_line_unshared": " (solo su dueño)",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": " (suspendida: reportada)",
    "report_confirmed": "Gracias. “{name}” ha sido reportada: no podrá hablar aquí hasta que "
    "un admin de este chat la restaure o la borre.",
    "report_notice": "⚠️ {told}: {reporter} reportó la voz “{name}”. Está suspendida aquí "
    "hasta que un admin de este chat la restaure o la borre.",
    "report_reason": "\nMotivo indicado: {reason}",
    "report_and": " y ",
    "button_restore": "✅ Restaurar",
    "button_delete_reported": "🗑 Borrar",
    "report_restored": "✅ {admin} restauró “{name}”: ya puede volver a hablar aquí.",
    "report_deleted": "🗑 {admin} borró “{name}” y su clip.",
    "report_barred": "🚫 {admin} quitó “{name}” de este chat: es la voz personal de su dueño, "
    "así que se le conserva, pero ya no puede hablar aquí.",
    # --- proving a voice by reading aloud ------------------------------------------------
    "proof_challenge": "🎙 Para demostrar que “{name}” es tu propia voz, responde a este "
    "mensaje en {minutes:g} min con un mensaje de voz en el que leas en voz alta:\n\n"
    "{phrase}\n\nTu lectura misma se convierte en la voz “{name}”, lista al momento.",
    "proof_verified": "✅ Verificado: tu lectura coincide con la frase ({score}%). “{name}” se "
    "ha guardado como tu propia voz ({seconds:.1f} s) y ya puede hablar.",
    "proof_replaced": "Sustituye al archivo que subiste como “{name}”.",
    "proof_hint": "Si es tu propia voz, puedes tenerla lista al momento: /myvoice {name} te "
    "muestra una frase corta para leer en voz alta en un mensaje de voz.",
    "error_proof_unavailable": "Aquí no puedo comprobar lecturas: demostrar una voz leyendo "
    "una frase en voz alta requiere el servicio de voz, y este bot no lo tiene configurado.",
    "error_no_challenge": "No te he pedido que leas nada aquí (o esa frase ya se usó). Para "
    "demostrar que una voz es tuya, pídeme una frase con /myvoice.",
    "error_challenge_expired": "Se acabó el tiempo de la frase para “{name}” (tenías "
    "{minutes:g} min). Pídeme otra con /myvoice.",
    "error_live_reading_needed": "Lee la frase en un mensaje de voz que grabes tú, aquí "
    "mismo: un archivo subido o un mensaje reenviado podría ser la voz de cualquiera.",
    "error_reading_mismatch": "Esa lectura no se parecía lo suficiente a la frase: se oyó tal "
    "cual el {score}% y hace falta el {needed}%. Prueba con una frase nueva: en {minutes:g} "
    "min, responde a este mensaje con un mensaje de voz leyendo en voz alta:\n\n{phrase}",
    "myvoice_verified": "tuya, demostrada leyendo una frase en voz alta",
}
