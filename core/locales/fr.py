"""What the bot says in French: every sentence of `core.messages.MESSAGES`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    # --- failures ------------------------------------------------------------------------
    "error_unexpected": "Quelque chose s'est mal passé de mon côté. Réessaie dans un instant.",
    "error_config": "Le bot n'est pas bien configuré. Préviens la personne qui le gère.",
    "error_bad_input": "Je n'ai pas compris cette demande.",
    "error_not_audio": "Ce fichier n'est pas un audio que je sais lire. Envoie un message vocal "
    "ou un fichier OGG, MP3, M4A, WAV ou WebM/MP4.",
    "error_file_too_large": "Ce fichier est trop gros (la limite est de {limit_mb:g} Mo). Un "
    "extrait court de 6 à 30 secondes, c'est l'idéal.",
    "error_audio_too_short": "Cet extrait ne contient que {seconds:.1f} s de parole ; il m'en "
    "faut au moins {minimum:g} s. L'idéal : 6 à 30 secondes d'une seule personne qui parle.",
    "error_no_speech": "Je n'entends personne parler dans cet extrait. Essaie avec une parole "
    "bien claire.",
    "error_bad_voice_name": "« {name} » ne peut pas être un nom de voix. Utilise 1 à 32 "
    "lettres, chiffres, - ou _ (sans espaces), par exemple : papi_jean.",
    "error_voice_name_taken": "Il y a déjà une voix appelée « {name} » ici. Choisis un autre "
    "nom, ou supprime d'abord l'ancienne.",
    "error_voice_not_found": "Je ne connais aucune voix appelée « {name} » ici.",
    "error_voice_not_found_suggest": "Je ne connais aucune voix appelée « {name} » ici. Tu "
    "voulais dire : {suggestions} ?",
    "error_not_your_voice": "Seule la personne qui a enregistré « {name} », ou un admin d'ici, "
    "peut la modifier.",
    "error_take_gone": "Je n'ai plus cette demande. Renvoie-la, s'il te plaît.",
    "error_no_description": "Décris la voix, puis le texte, par exemple : /design homme âgé à "
    "la voix chaleureuse, lent | Bonsoir à tous.",
    "error_script_line": "Ligne {line} : {problem}",
    "error_script_syntax": 'écris chaque ligne sous la forme NOM: texte, ou "description": texte.',
    "error_script_too_long": "un dialogue a 50 lignes au maximum.",
    "error_speaker_unknown": "Je ne peux pas savoir à qui est cette voix (un transfert masqué "
    "ou un bot), donc je ne peux pas demander l'accord de la personne. Clone un message vocal "
    "envoyé par la personne elle-même.",
    "error_cloning_restricted": "Dans ce chat, seuls les admins (ou les membres ayant le rôle "
    "choisi) peuvent enregistrer des voix.",
    "error_not_the_speaker": "C'est à {name} d'en décider : c'est sa voix.",
    "error_request_closed": "Cette demande n'est plus ouverte : elle a reçu une réponse, elle "
    "a expiré, ou la voix a été supprimée.",
    "error_admins_only": "Seuls les admins de ce chat peuvent modifier ses paramètres.",
    "error_groups_only": "Les paramètres concernent les groupes et les serveurs ; dans un chat "
    "privé, tes voix n'appartiennent qu'à toi.",
    "error_role_needed": "Indique quel rôle peut enregistrer des voix.",
    "error_bad_quota": "Le quota quotidien est un nombre de caractères : 0 (sans limite) ou plus.",
    "error_voice_pending": "« {name} » attend l'accord de la personne dont c'est la voix ; "
    "elle pourra parler dès que cette personne aura accepté.",
    "error_voice_awaiting_admin": "« {name} » attend l'accord d'un admin de ce chat ; elle "
    "pourra parler dès qu'un admin l'aura approuvée.",
    "error_statement_needed": "Un fichier envoyé pourrait être la voix de n'importe qui, alors "
    "précise à qui elle est : own (ta propre voix) ou permission (quelqu'un qui t'a donné son "
    "accord), par ex. /clone NOM own.",
    "error_admin_approves": "Seul un admin de ce chat peut approuver ou refuser une voix créée "
    "à partir d'un fichier envoyé.",
    "error_upload_not_shareable": "« {name} » a été créée à partir d'un fichier envoyé "
    "qu'aucun admin de chat n'a approuvé : elle reste donc réservée à toi et ne peut pas être "
    "partagée. Enregistre-la dans un groupe, où un admin pourra l'approuver.",
    "error_quota": "Tu as utilisé aujourd'hui {used} de tes "
    "{limit, plural, one {# caractère} many {# de caractères} other {# caractères}} "
    "ici. Il y en aura d'autres dans {hours} h.",
    "error_already_requested": "Je m'en occupe déjà ; la voix arrive dès qu'elle est prête.",
    "error_cancelled": "✖ Annulé.",
    "error_not_your_request": "Seule la personne qui l'a demandé peut l'annuler.",
    "error_not_your_take": "Seule la personne qui a conçu cette voix peut la garder.",
    "error_too_many_voices": "Tu as déjà enregistré "
    "{limit, plural, one {# voix} many {# de voix} other {# voix}}, le maximum par "
    "personne. Supprimes-en une que tu n'utilises plus (/voices), puis réessaie.",
    "error_too_many_voices_here": "Ce chat contient déjà "
    "{limit, plural, one {# voix} many {# de voix} other {# voix}}, le maximum "
    "autorisé. Supprimes-en une qui ne sert plus (/voices), puis réessaie.",
    "error_voice_suspended": "« {name} » est suspendue ici : quelqu'un l'a signalée. Elle "
    "pourra reparler quand un admin de ce chat l'aura rétablie.",
    "error_already_suspended": "« {name} » a déjà été signalée : elle est suspendue ici "
    "jusqu'à ce qu'un admin de ce chat la rétablisse ou la supprime.",
    "error_reports_in_groups": "Les signalements concernent les groupes et les serveurs ; dans "
    "un chat privé, tes voix n'appartiennent qu'à toi.",
    "error_no_voice_to_report": "Ce message vocal n'a pas été dit avec une voix enregistrée "
    "(c'était une voix conçue ou un dialogue). Signale plutôt une voix par son nom.",
    "error_admins_settle": "Seul un admin de ce chat peut rétablir ou supprimer une voix "
    "signalée.",
    "error_report_settled": "Ce signalement a déjà été traité, ou sa voix a été supprimée.",
    "error_queue_full": "Je suis très occupé en ce moment. Réessaie dans quelques minutes.",
    "error_busy": "Je suis débordé pour l'instant et je n'ai pas pu le faire ; rien n'a été "
    "modifié. Réessaie dans une minute.",
    "error_too_fast": "Ça fait beaucoup de demandes en peu de temps. Réessaie dans {seconds} s.",
    "error_voice_gone": "Cette voix n'existe plus.",
    "error_no_voice_given": "Quelle voix ? Écris /say NOM texte, ou choisis une voix par "
    "défaut pour ce chat avec /default NOM.",
    "error_empty_text": "Dis-moi quoi dire, par exemple : /say NOM Salut tout le monde !",
    "error_text_too_long": "Ce texte fait "
    "{length, plural, one {# caractère} many {# de caractères} other {# caractères}} ; "
    "la limite est de {limit}. Raccourcis-le, s'il te plaît.",
    "error_translation_too_long": "Une fois traduit, ce texte fait "
    "{length, plural, one {# caractère} many {# de caractères} other {# caractères}} ; "
    "la limite est de {limit}. Raccourcis-le, s'il te plaît.",
    "error_unknown_language": "Je ne peux pas le dire en « {code} ». Les langues vers "
    "lesquelles je traduis : {languages}.",
    "error_translation_unavailable": "Pour traduire, il faut le service vocal, et ce bot "
    "n'en a pas. Retire la langue pour entendre le texte tel qu'il est écrit.",
    "error_bad_sampling": "{field} doit être compris entre {low} et {high}.",
    "error_unknown_setting": "Je ne connais pas le réglage « {name} » : utilise temperature=, "
    "top_k=, top_p= ou speed=.",
    "error_transcript_needed": "J'ai besoin des mots prononcés dans cet extrait. Ajoute-les "
    "comme transcription et réessaie.",
    "error_listening_unavailable": "Je ne peux pas écouter de messages vocaux ici : redire leurs "
    "mots avec une autre voix nécessite le service vocal, qui n'est pas configuré pour ce bot.",
    "error_clip_too_long": "Cet enregistrement dure plus de {limit} secondes, plus que ce que "
    "j'écoute d'un coup. Envoie-en un plus court.",
    "error_upstream": "Le service vocal a eu un problème. Réessaie dans un instant.",
    "error_upstream_auth": "Le service vocal a refusé la clé d'API du bot. Préviens la "
    "personne qui gère le bot.",
    "error_upstream_balance": "Le crédit du service vocal du bot est épuisé. Préviens la "
    "personne qui gère le bot.",
    "error_upstream_rate_limited": "Le service vocal est occupé en ce moment. Réessaie dans une "
    "minute.",
    "error_upstream_rejected": "Le service vocal n'a pas pu traiter cette demande. Essaie un "
    "autre texte ou une autre voix.",
    "error_reference_unreachable": "Le service vocal n'a pas pu utiliser l'extrait de "
    "référence de cette voix. Essaie de réenregistrer la voix avec un extrait plus net.",
    "error_upstream_unavailable": "Le service vocal est injoignable pour le moment. Réessaie "
    "dans quelques minutes.",
    "error_upstream_timeout": "Le service vocal a mis trop de temps à répondre. Réessaie.",
    "error_task_failed": "Le service vocal n'a pas pu le générer. Réessaie, peut-être avec un "
    "texte plus court.",
    "error_bad_upstream_audio": "Le service vocal a renvoyé un audio que je ne peux pas lire. "
    "Réessaie.",
    "error_result_refused": "Le service vocal a proposé l'audio depuis un endroit où je ne "
    "télécharge pas, alors je l'y ai laissé. Préviens la personne qui gère le bot.",
    "error_result_too_large": "Le service vocal a renvoyé bien plus d'audio que demandé, alors "
    "j'ai arrêté. Réessaie, peut-être avec un texte plus court.",
    # --- progress and results --------------------------------------------------------------
    "progress_queued": "En file d'attente (position {position})…",
    "progress_translating": "Traduction…",
    "progress_preparing": "Préparation de la voix…",
    "progress_generating": "Génération de la parole…",
    "progress_generating_parts": "Génération de la parole : partie {part} sur {parts}…",
    "progress_encoding": "Encodage du message vocal…",
    "voice_saved": "Voix « {name} » enregistrée ({seconds:.1f} s). Transcription : "
    "« {transcript} »",
    "voice_saved_no_transcript": "Voix « {name} » enregistrée ({seconds:.1f} s). Elle n'a pas "
    "encore de transcription : elle sera transcrite quand le service vocal sera configuré.",
    "voice_deleted": "Voix « {name} » supprimée.",
    "voice_renamed": "« {old} » s'appelle maintenant « {new} ».",
    "voices_empty": "Pas encore de voix ici. Enregistres-en une à partir d'un extrait de "
    "quelqu'un qui parle.",
    "voices_header": "Voix que tu peux utiliser ici :",
    "voices_more": "…et {count, plural, one {# autre} many {# d'autres} other {# autres}} : "
    "utilise /say avec le nom.",
    "offline_notice": "Pas d'AI302_API_KEY : j'utilise le moteur de secours hors ligne "
    "(espeak-ng). Il ne clone pas les voix ; configure une clé pour le vrai moteur.",
    "synthetic_label": "voix synthétique : {name}",
    "synthetic_label_designed": "voix synthétique (conçue) : {description}",
    "button_again": "🔁 Une autre prise",
    "button_steadier": "🎯 Plus stable",
    "button_livelier": "🎨 Plus vivante",
    "button_cancel_request": "✖ Annuler",
    "cancel_done": "{count, plural, one {# demande annulée} many {# de demandes annulées} "
    "other {# demandes annulées}}.",
    "cancel_nothing": "Tu n'as rien en cours ici à annuler.",
    "cancel_over": "Cette demande n'est plus en cours.",
    "button_keep_voice": "💾 Garder cette voix",
    "voice_tuned": "« {name} » parle désormais avec : {settings}.",
    "voice_tuned_default": "« {name} » parle désormais avec les réglages par défaut du service.",
    "voice_default_set": "« {name} » est maintenant la voix par défaut ici : /say avec "
    "seulement du texte l'utilise.",
    "confirm_delete": "Supprimer la voix « {name} » ? C'est irréversible.",
    "voice_kept": "« {name} » gardée.",
    "button_default": "★ Par défaut",
    "button_delete": "🗑 Supprimer",
    "button_confirm_delete": "Oui, supprimer",
    "button_keep": "La garder",
    # --- consent, sharing, privacy ------------------------------------------------------
    "voice_pending": "« {name} » est enregistrée, mais elle ne pourra pas parler tant que "
    "{speaker} n'aura pas accepté. Je lui ai demandé.",
    "consent_unreached": "Finalement, je n'ai pas pu joindre {speaker}, donc la demande ne lui "
    "a pas été faite ; cette personne peut toujours approuver « {name} » avec /myvoices.",
    "consent_request": "{speaker}, {owner} veut enregistrer ta voix sous le nom « {name} » à "
    "partir de ce message. Tant que tu n'as pas approuvé, elle ne peut pas parler ; sans "
    "réponse, elle sera supprimée dans {hours:g} h. Consulte ou révoque tes voix quand tu "
    "veux avec /myvoices.",
    "voice_pending_admin": "« {name} » est enregistrée, mais elle ne pourra pas parler tant "
    "qu'un admin de ce chat ne l'aura pas approuvée. J'ai fait la demande ici.",
    "voice_saved_upload": "Tu es la seule personne à pouvoir l'utiliser : une voix issue d'un "
    "fichier envoyé n'est pas partagée.",
    "consent_unreached_admin": "Je n'ai pas pu publier ici la demande destinée aux admins, "
    "donc aucun admin n'a été sollicité ; « {name} » ne pourra pas parler tant qu'un admin "
    "ne l'aura pas approuvée, et sera supprimée si personne ne le fait.",
    "consent_request_admin": "Un admin de ce chat doit approuver ceci : {owner} a envoyé un "
    "fichier comme voix « {name} » et indique qu'il s'agit de {statement}. Tant qu'un admin "
    "ne l'a pas approuvée, elle ne peut pas parler ; sans réponse, elle sera supprimée dans "
    "{hours:g} h.",
    "statement_own": "sa propre voix",
    "statement_permission": "la voix d'une personne qui a donné son accord",
    "console_upload_reminder": "Rappel : ne clone une voix qu'avec l'accord de la personne "
    "qui parle.",
    "button_approve": "✅ Approuver",
    "button_decline": "❌ Refuser",
    "consent_approved": "✅ {speaker} a accepté : « {name} » peut parler maintenant.",
    "consent_declined": "❌ {speaker} a refusé : « {name} » et son extrait sont supprimés.",
    "myvoices_empty": "Aucune voix n'a été créée à partir de ta voix.",
    "myvoices_header": "Voix créées à partir de ta voix (révoquer en supprime une partout) :",
    "myvoice_line": "• {name} : créée par {owner} le {made} ; {state} ; utilisée "
    "{uses, plural, one {# fois} many {# de fois} other {# fois}}",
    "myvoice_pending": "en attente de ton accord",
    "myvoice_approved": "approuvée le {when}",
    "myvoice_own": "la tienne",
    "button_revoke": "🗑 Révoquer {name}",
    "voice_revoked": "« {name} » est supprimée partout, avec son extrait.",
    "copy_hosted": " Une copie envoyée au service vocal lors de sa première prise de parole "
    "reste à une adresse non répertoriée, qui n'a été communiquée à personne d'autre : le "
    "service ne permet pas de la supprimer.",
    "forget_confirm": "Cela supprime toutes les voix que tu as créées ou qui ont été créées à "
    "partir de ta voix, leurs extraits, tes demandes et tes paramètres ici. C'est "
    "irréversible.",
    "button_forget": "Tout supprimer",
    "button_cancel": "Annuler",
    "forget_cancelled": "Rien n'a été supprimé.",
    "forgotten": "C'est fait. Supprimé : "
    "{voices, plural, one {# voix} many {# de voix} other {# voix}}, "
    "{clips, plural, one {# extrait audio} many {# d'extraits audio} "
    "other {# extraits audio}}, "
    "{jobs, plural, one {# demande} many {# de demandes} other {# demandes}} et "
    "{settings, plural, one {# paramètre} many {# de paramètres} other {# paramètres}}.",
    "forgotten_hosted": " {hosted, plural, "
    "one {# extrait avait été envoyé au service vocal, qui ne permet pas de le supprimer ; "
    "il se trouve à une adresse non répertoriée, qui n'a été communiquée à personne "
    "d'autre.} "
    "many {# d'extraits avaient été envoyés au service vocal, qui ne permet pas de les "
    "supprimer ; ils se trouvent à des adresses non répertoriées, qui n'ont été "
    "communiquées à personne d'autre.} "
    "other {# extraits avaient été envoyés au service vocal, qui ne permet pas de les "
    "supprimer ; ils se trouvent à des adresses non répertoriées, qui n'ont été "
    "communiquées à personne d'autre.}}",
    "voice_shared": "Tout le monde ici peut désormais utiliser « {name} ».",
    "voice_unshared": "« {name} » est désormais réservée à toi : personne d'autre ne peut "
    "l'utiliser.",
    "rules": "Paramètres d'ici :\n• qui peut enregistrer des voix : {who}\n• les membres "
    "peuvent utiliser les voix des autres : {share}\n• caractères par membre et par jour : "
    "{quota}",
    "rules_everyone": "tout le monde",
    "rules_admins": "admins seulement",
    "rules_role": "admins et {role}",
    "rules_yes": "oui",
    "rules_no": "non",
    "rules_no_limit": "sans limite",
    "voice_line_pending": " (en attente de la personne dont c'est la voix)",
    "voice_line_unshared": " (seulement pour son propriétaire)",
    # --- reports -----------------------------------------------------------------------
    "voice_line_suspended": " (suspendue : signalée)",
    "report_confirmed": "Merci. « {name} » est signalée : elle ne peut plus parler ici tant "
    "qu'un admin de ce chat ne l'a pas rétablie ou supprimée.",
    "report_notice": "⚠️ {told} : {reporter} a signalé la voix « {name} ». Elle est suspendue "
    "ici jusqu'à ce qu'un admin de ce chat la rétablisse ou la supprime.",
    "report_reason": "\nMotif indiqué : {reason}",
    "report_and": " et ",
    "button_restore": "✅ Rétablir",
    "button_delete_reported": "🗑 Supprimer",
    "report_restored": "✅ {admin} a rétabli « {name} » : elle peut de nouveau parler ici.",
    "report_deleted": "🗑 {admin} a supprimé « {name} » et son extrait.",
    "report_barred": "🚫 {admin} a retiré « {name} » de ce chat : c'est la voix personnelle de "
    "son propriétaire, elle lui est donc conservée, mais elle ne peut plus parler ici.",
    # --- proving a voice by reading aloud ------------------------------------------------
    "proof_challenge": "🎙 Pour prouver que « {name} » est ta propre voix, réponds à ce "
    "message dans les {minutes:g} min avec un message vocal où tu lis à voix haute :\n\n"
    "{phrase}\n\nTa lecture elle-même devient la voix « {name} », prête tout de suite.",
    "proof_verified": "✅ Vérifié : ta lecture correspond à la phrase ({score} %). « {name} » "
    "est enregistrée comme ta propre voix ({seconds:.1f} s) et peut parler maintenant.",
    "proof_replaced": "Elle remplace le fichier que tu avais envoyé sous le nom « {name} ».",
    "proof_hint": "Si c'est ta propre voix, tu peux aussi l'avoir prête tout de suite : "
    "/myvoice {name} te donne une courte phrase à lire à voix haute dans un message vocal.",
    "error_proof_unavailable": "Je ne peux pas vérifier de lecture ici : prouver une voix en "
    "lisant une phrase à voix haute nécessite le service vocal, qui n'est pas configuré pour "
    "ce bot.",
    "error_no_challenge": "Je ne t'ai rien demandé de lire ici (ou cette phrase a déjà servi). "
    "Pour prouver qu'une voix est la tienne, demande-moi une phrase avec /myvoice.",
    "error_challenge_expired": "Le temps pour la phrase de « {name} » est écoulé (tu avais "
    "{minutes:g} min). Demande-m'en une nouvelle avec /myvoice.",
    "error_live_reading_needed": "Lis la phrase dans un message vocal que tu enregistres "
    "toi-même, ici même : un fichier envoyé ou un message transféré pourrait être la voix de "
    "n'importe qui.",
    "error_reading_mismatch": "Cette lecture n'était pas assez proche de la phrase : {score} % "
    "a été entendu tel qu'écrit, et il en faut {needed} %. Essaie une nouvelle phrase : dans "
    "les {minutes:g} min, réponds à ce message avec un message vocal où tu lis à voix "
    "haute :\n\n{phrase}",
    "myvoice_verified": "la tienne, prouvée en lisant une phrase à voix haute",
}
