"""What only the Discord bot says, in French (every sentence of `bots.discord.texts`), and its
commands' names, descriptions and options (`COMMANDS`: the English words → the French)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "Je dis des textes avec les voix que tu enregistres.\n"
        "**Enregistrer une voix** : clic droit (ou appui long) sur un message contenant un "
        "message vocal ou un fichier audio → Applications → **Cloner cette voix** ; ou "
        "réponds-y avec `@bot clone NOM` ; ou `/cloner nom: audio: déclaration:` pour un "
        "fichier (sur un serveur, un admin l'approuve).\n"
        "**Parler** : `/dire voix: texte:` publie un message vocal. `/par-défaut` choisit la "
        "voix utilisée quand tu omets `voix`. Les longs textes sont dits phrase par phrase. "
        "Sous chaque résultat : 🔁 une autre prise, 🎯 plus stable, 🎨 plus vivante. Tu as "
        "changé d'avis ? ✖ sous le statut, ou `/annuler` pour toutes tes demandes du salon.\n"
        "**Concevoir une voix avec des mots** : `/concevoir description: texte:`, puis 💾 "
        "garde-la.\n"
        "**Une conversation** : `/dialogue`, puis une ligne `nom: texte` par réplique.\n"
        "**Réglage fin** : `/régler voix: température: top_k: top_p: vitesse:` (vitesse "
        "0.5–2 : plus lent ou plus rapide, même hauteur) ; `/dire` prend les mêmes options "
        "pour une seule demande.\n"
        "**Gérer** : `/voix` (écouter, définir par défaut, supprimer), `/renommer`, "
        "`/supprimer`, `/partager`.\n"
        "**Consentement** : cloner la voix de quelqu'un d'autre lui demande d'abord son "
        "accord ; la voix ne parle qu'une fois approuvée. `/mes-voix` montre toutes les voix "
        "créées à partir de ta voix (révoque celles que tu veux) ; `/oublie-moi` supprime tout "
        "ce que je garde sur toi. Admins : `/paramètres`.\n"
        "**Prouve qu'une voix est la tienne**, prête tout de suite : `/ma-voix nom:` affiche "
        "une phrase ; réponds-y avec un message vocal où tu la lis à voix haute.\n"
        "**Signale une voix** aux admins du serveur : `/signaler nom:`, ou sur un message "
        "vocal que j'ai publié → Applications → **Signaler la voix** ; elle reste muette "
        "jusqu'à ce qu'un admin la rétablisse ou la supprime.\n"
        "Les voix créées sur un serveur lui appartiennent ; celles créées en MP n'appartiennent "
        "qu'à toi. Meilleurs extraits : 6 à 30 secondes d'une seule personne qui parle."
    ),
    "dc_not_a_bot_voice": "Ce n'est pas un message vocal que j'ai publié. Utilise « Signaler "
    "la voix » sur l'un des miens, ou /signaler nom: pour signaler une voix par son nom.",
    "dc_no_audio": "Ce message ne contient aucun message vocal ni fichier audio à cloner.",
    "dc_upload_use_clone": "C'est un fichier envoyé, pas un message vocal enregistré par la "
    "personne qui parle : ce pourrait être la voix de n'importe qui. Enregistre-le avec "
    "/cloner nom: audio: déclaration: et indique à qui est la voix (sur un serveur, un admin "
    "l'approuve ensuite).",
    "dc_clone_usage": "Réponds à un message vocal ou un fichier audio avec @bot clone NOM "
    "(ou @bot clone NOM | les mots prononcés dedans).",
    "dc_modal_title": "Cloner cette voix",
    "dc_modal_name": "Nom de la voix",
    "dc_modal_transcript": "Mots prononcés dans l'extrait (facultatif)",
    "dc_dialogue_title": "Un dialogue",
    "dc_report_title": "Signaler la voix",
    "dc_report_reason": "Pourquoi ? (facultatif : dit aux admins)",
    "dc_dialogue_label": "Une réplique par ligne : NOM: texte",
    "dc_pick_voice": "Choisis une voix…",
    "dc_no_audio_to_say": "Ce message ne contient ni message vocal ni fichier audio dont je "
    "pourrais redire les mots.",
    "dc_speak_as_title": "Redire ces mots",
    "dc_speak_as_voice": "Avec quelle voix ?",
    "dc_voice_panel": "**{name}** · {seconds:.0f} s · « {transcript} »",
    "dc_button_sample": "▶ Écouter",
    "dc_button_approve_named": "✅ Approuver {name}",
    "dc_button_decline_named": "❌ Refuser {name}",
    "dc_said_by": "🔊 {label} · pour {user}",
    "dc_voice_fallback": "Ce salon ne me permet pas de publier des messages vocaux, alors "
    "voici un fichier audio. Un admin du serveur peut m'accorder la permission **Envoyer des "
    "messages vocaux**.",
    "dc_read_in_dm": "Je ne suis pas dans cette discussion, une réponse ici ne me parvient "
    "donc pas : envoie ta lecture en message vocal dans un MP avec moi (mon profil → Envoyer un "
    "message).",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "dire",
    "Speak text in a stored voice, posted as a voice message.": "Dis un texte avec une voix "
    "enregistrée, publié en message vocal.",
    "text": "texte",
    "What to say": "Ce qu'il faut dire",
    "voice": "voix",
    "Which voice (default: this server's default)": "Quelle voix (par défaut : celle de ce "
    "serveur)",
    "temperature": "température",
    "0–1.5: lower is steadier, higher livelier": "0–1.5 : plus bas, plus stable ; plus haut, "
    "plus vivant",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "vitesse",
    "0.5–2: slower or faster, the same pitch": "0.5–2 : plus lent ou plus rapide, même hauteur",
    "language": "langue",
    "Say it in this language (the text is translated first)": (
        "Dis-le dans cette langue (le texte est d'abord traduit)"
    ),
    "English": "Anglais",
    "Chinese": "Chinois",
    "Spanish": "Espagnol",
    "French": "Français",
    "German": "Allemand",
    "Italian": "Italien",
    "Portuguese": "Portugais",
    "Dutch": "Néerlandais",
    "Polish": "Polonais",
    "Russian": "Russe",
    "Ukrainian": "Ukrainien",
    "Japanese": "Japonais",
    "Korean": "Coréen",
    # /design
    "design": "concevoir",
    "Speak in a voice described in words; keep it as a voice if you like it.": "Parle avec "
    "une voix décrite en mots ; garde-la comme voix si elle te plaît.",
    "description": "description",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": "La voix "
    "en mots : qui, comment, où (ex. homme âgé chaleureux, lent, pièce calme)",
    # /dialogue
    "dialogue": "dialogue",
    "A conversation between voices: one `name: text` line per turn.": "Une conversation "
    "entre voix : une ligne `nom: texte` par réplique.",
    # /cancel
    "cancel": "annuler",
    "Cancel your requests under way in this channel.": "Annule tes demandes en cours dans ce "
    "salon.",
    # /clone
    "clone": "cloner",
    "Register a voice from an audio file; in a server an admin approves it first.": "Enregistre "
    "une voix depuis un fichier audio ; sur un serveur, un admin l'approuve d'abord.",
    "name": "nom",
    "Name for the voice (letters, digits, - or _)": "Nom de la voix (lettres, chiffres, - ou _)",
    "audio": "audio",
    "A clip of one person speaking, 3–30 s": "Un extrait d'une personne qui parle, 3 à 30 s",
    "statement": "déclaration",
    "Whose voice it is: a file could be anyone's": "À qui est la voix : un fichier pourrait "
    "être à n'importe qui",
    "my own voice": "ma propre voix",
    "someone who gave me permission": "quelqu'un qui m'a donné son accord",
    "transcript": "transcription",
    "The words spoken in the clip (optional)": "Les mots prononcés dans l'extrait (facultatif)",
    # /voices
    "voices": "voix",
    "List the voices usable here: play, set default, delete.": "Liste les voix utilisables "
    "ici : écouter, définir par défaut, supprimer.",
    # /default
    "default": "par-défaut",
    "Pick this server's (or DM's) default voice.": "Choisis la voix par défaut de ce serveur "
    "(ou de tes MP).",
    "The voice /say uses when none is given": "La voix qu'utilise /dire quand aucune n'est "
    "indiquée",
    # /tune
    "tune": "régler",
    "Set a voice's own sampling defaults.": "Règle les valeurs d'échantillonnage propres à une "
    "voix.",
    "The voice to tune": "La voix à régler",
    "0–1.5 (empty: the default)": "0–1.5 (vide : la valeur par défaut)",
    "-1–100 (empty: the default)": "-1–100 (vide : la valeur par défaut)",
    "0.1–1 (empty: the default)": "0.1–1 (vide : la valeur par défaut)",
    "0.5–2 (empty: as generated)": "0.5–2 (vide : telle que générée)",
    # /rename
    "rename": "renommer",
    "Give a voice a new name.": "Donne un nouveau nom à une voix.",
    "The voice to rename": "La voix à renommer",
    "new_name": "nouveau_nom",
    "Its new name": "Son nouveau nom",
    # /delete
    "delete": "supprimer",
    "Delete a voice and its clip.": "Supprime une voix et son extrait.",
    "The voice to delete": "La voix à supprimer",
    # /share
    "share": "partager",
    "Let others here use a voice you registered, or keep it to yourself.": "Laisse les autres "
    "d'ici utiliser une voix que tu as enregistrée, ou garde-la pour toi.",
    "A voice you registered": "Une voix que tu as enregistrée",
    "shared": "partagée",
    "Yes: everyone here may use it; no: only you": "Oui : tout le monde ici peut l'utiliser ; "
    "non : toi seulement",
    # /myvoice
    "myvoice": "ma-voix",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "Prouve qu'une voix est à toi : lis une phrase dans un message vocal, elle devient la "
        "voix."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": "Nom de la voix que "
    "deviendra ta lecture (lettres, chiffres, - ou _)",
    # /myvoices
    "myvoices": "mes-voix",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": "Les voix "
    "créées à partir de ta voix, partout : approuve-les, refuse-les ou révoque-les.",
    # /forgetme
    "forgetme": "oublie-moi",
    "Delete everything this bot keeps about you (asks first).": "Supprime tout ce que ce bot "
    "garde sur toi (demande d'abord).",
    # /settings
    "settings": "paramètres",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "Règles du serveur : qui enregistre des voix, partage, quota quotidien (modifiés par "
        "les admins)."
    ),
    "Who may register voices": "Qui peut enregistrer des voix",
    "everyone": "tout le monde",
    "admins": "admins",
    "role": "rôle",
    "With clone: role, whose members may": "Avec cloner : rôle, dont les membres peuvent",
    "members_use_others": "utiliser_voix_des_autres",
    "May members use each other's voices?": "Les membres peuvent-ils utiliser les voix des "
    "autres ?",
    "daily_chars": "caractères_par_jour",
    "Characters one member may have spoken per day (0: no limit)": "Caractères qu'un membre "
    "peut faire dire par jour (0 : sans limite)",
    # /report
    "report": "signaler",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "Signale une voix aux admins du serveur : elle reste muette ici jusqu'à leur décision."
    ),
    "The voice to report": "La voix à signaler",
    "reason": "motif",
    "Why (optional; shown in the channel)": "Pourquoi (facultatif ; affiché dans le salon)",
    # /help
    "help": "aide",
    "How to use this bot.": "Comment utiliser ce bot.",
    # context menus
    "Clone this voice": "Cloner cette voix",
    "Report voice": "Signaler la voix",
    "Speak as…": "Parler comme…",
}
