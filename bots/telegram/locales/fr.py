"""What only the Telegram bot says, in French: every sentence of `bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "Pour garder cette voix, réponds-y avec /keep NOM.",
    "keep_usage": "Réponds /keep NOM à un message vocal conçu pour garder cette voix.",
    "tune_usage": "Écris-le ainsi : /tune NOM temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9 (n'importe "
    "lesquels ; aucun pour réinitialiser).",
    "voice_line": "{name} · {seconds:.0f} s",
    "voice_line_default": " · par défaut",
    "voice_line_personal": " · personnelle",
    "tg_help": (
        "Je dis des textes avec les voix que tu enregistres.\n\n"
        "Enregistrer une voix : réponds à un message vocal (ou fichier audio, message vidéo) "
        "avec\n"
        "/clone NOM  ou  /clone NOM | les mots prononcés dedans\n"
        "Dans un chat privé, tu peux aussi simplement m'envoyer un message vocal.\n\n"
        "Parler : /say NOM texte à dire\n"
        "Plus lent ou plus rapide (0.5–2, même hauteur) : /say NOM speed=1.25 texte\n"
        "Dans une autre langue, traduit d'abord : /say NOM >en texte (en, es, de, ja…)\n"
        "Choisir une voix par défaut : /default NOM, puis /say texte à dire\n"
        "Réponds /say NOM à un message texte pour dire ce message.\n"
        "Les longs textes, pas de souci : ils sont dits phrase par phrase.\n"
        "Tu as changé d'avis ? ✖ sous le statut, ou /cancel pour toutes tes demandes ici."
        "\n\n"
        "Sous chaque message vocal : 🔁 une autre prise, 🎯 plus stable, 🎨 plus vivante.\n"
        "Conçois une voix avec des mots : /design homme âgé à la voix chaleureuse, lent | "
        "Bonsoir !\n"
        "puis réponds /keep NOM au résultat pour garder cette voix.\n"
        "Une conversation : /dialogue, puis une ligne par réplique :\n"
        'alice: Salut Bob !\nbob: Bonjour !\n"un robot grognon": Bip.\n'
        "Réglage fin : /tune NOM temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "Gérer : /voices (écouter, définir par défaut, supprimer), /rename ANCIEN NOUVEAU, "
        "/delete NOM, /share NOM on|off\n\n"
        "Consentement : cloner le message vocal de quelqu'un d'autre lui demande d'abord son "
        "accord ; la voix ne parle qu'une fois approuvée. /myvoices montre toutes les voix "
        "créées à partir de ta voix (révoque celles que tu veux) ; /forgetme supprime tout ce "
        "que je garde sur toi. Admins de groupe : /settings.\n"
        "Signale une voix aux admins d'un groupe : /report NOM [motif], ou réponds /report à "
        "un message vocal que j'ai publié ; elle reste muette jusqu'à ce qu'un admin la "
        "rétablisse ou la supprime.\n\n"
        "Prouve qu'une voix est la tienne et aie-la prête tout de suite : /myvoice NOM "
        "affiche une phrase ; réponds-y avec un message vocal où tu la lis à voix haute.\n\n"
        "Les voix créées dans un groupe appartiennent à ce groupe ; celles créées ici en "
        "privé n'appartiennent qu'à toi. Meilleurs extraits : 6 à 30 secondes d'une seule "
        "personne qui parle, avec peu de bruit."
    ),
    "tg_clone_usage": "Réponds à un message vocal ou un message vidéo avec /clone NOM (ou "
    "/clone NOM | les mots prononcés dedans) ; à un fichier audio, un document ou une vidéo "
    "avec /clone NOM own (ta propre voix) ou /clone NOM permission (quelqu'un qui t'a donné "
    "son accord).",
    "tg_upload_how": "C'est un fichier envoyé, donc ce pourrait être la voix de n'importe qui. "
    "Réponds-y avec /clone NOM own si c'est ta propre voix, ou /clone NOM permission si la "
    "personne qui parle t'a donné son accord.",
    "tg_ask_name": "Bel extrait ! Comment j'appelle cette voix ? Envoie un nom (lettres, "
    "chiffres, - ou _), ou /cancel.",
    "tg_cancelled": "D'accord, j'oublie cet extrait.",
    "tg_rename_usage": "Écris-le ainsi : /rename ANCIEN NOUVEAU",
    "tg_delete_usage": "Écris-le ainsi : /delete NOM",
    "tg_myvoice_usage": "Écris-le ainsi : /myvoice NOM. Je t'affiche une courte phrase ; "
    "réponds-y avec un message vocal où tu la lis à voix haute, et cette lecture devient ta "
    "voix NOM, prête tout de suite.",
    "tg_button_phrase": "🔁 Une autre phrase",
    "tg_report_usage": "Écris-le ainsi : /report NOM [motif], ou réponds /report [motif] à un "
    "message vocal que j'ai publié.",
    "tg_default_usage": "Écris-le ainsi : /default NOM",
    "tg_share_usage": "Écris-le ainsi : /share NOM on (tout le monde ici peut l'utiliser) ou "
    "/share NOM off (toi seulement).",
    "tg_as_yourself": "Envoie ceci en ton nom, pas de façon anonyme ni en tant que canal : une "
    "voix doit appartenir à une personne.",
    "tg_not_your_button": "Seule la personne qui a demandé peut répondre à ceci.",
    "tg_settings_usage": "Les admins peuvent les modifier : /settings clone everyone|admins, "
    "/settings share on|off, /settings quota CARACTÈRES (0 : sans limite).",
    "cmd_clone": "Enregistrer une voix (réponds à un message vocal)",
    "cmd_say": "Dire un texte avec une voix",
    "cmd_voices": "Lister les voix",
    "cmd_myvoice": "Prouver qu'une voix est la tienne en lisant une phrase à voix haute",
    "cmd_myvoices": "Voix créées à partir de ta voix ; les révoquer",
    "cmd_forgetme": "Supprimer tout ce que je garde sur toi",
    "cmd_share": "Laisser (ou non) les autres d'ici utiliser ta voix",
    "cmd_settings": "Paramètres du chat (admins) : qui clone, partage, quota",
    "cmd_design": "Parler avec une voix décrite en mots",
    "cmd_dialogue": "Une conversation : une ligne NOM: texte par réplique",
    "cmd_keep": "Garder une voix conçue (réponds-y)",
    "cmd_cancel": "Annuler tes demandes en cours ici",
    "cmd_tune": "Régler temperature/top_k/top_p/speed d'une voix",
    "cmd_default": "Choisir la voix par défaut de ce chat",
    "cmd_rename": "Renommer une voix",
    "cmd_delete": "Supprimer une voix",
    "cmd_help": "Comment utiliser ce bot",
    "cmd_report": "Signaler une voix aux admins de ce groupe",
}
