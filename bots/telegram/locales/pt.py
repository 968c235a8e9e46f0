"""What only the Telegram bot says, in (Brazilian) Portuguese: every sentence of
`bots.telegram.texts`."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "keep_how": "Para guardar esta voz, responda a ela com /keep NOME.",
    "keep_usage": "Responda /keep NOME a uma mensagem de voz criada para guardar essa voz.",
    "tune_usage": "Escreva assim: /tune NOME temperature=0.7 top_k=40 top_p=0.9 "
    "speed=0.9 (qualquer um "
    "deles; sem nenhum, volta ao padrão).",
    "voice_line": "{name} · {seconds:.0f} s",
    "voice_line_default": " · padrão",
    "voice_line_personal": " · pessoal",
    "tg_help": (
        "Eu falo textos com as vozes que você registra.\n\n"
        "Registrar uma voz: responda a uma mensagem de voz (ou arquivo de áudio, mensagem de "
        "vídeo) com\n"
        "/clone NOME  ou  /clone NOME | as palavras faladas nela\n"
        "Num chat privado, você também pode simplesmente me mandar uma mensagem de voz.\n\n"
        "Falar: /say NOME texto a falar\n"
        "Mais devagar ou mais rápido (0.5–2, o mesmo tom): /say NOME speed=1.25 texto\n"
        "Em outro idioma, traduzido antes: /say NOME >en texto (en, es, de, ja…)\n"
        "Escolher uma padrão: /default NOME, depois /say texto a falar\n"
        "Responda /say NOME a uma mensagem de texto para falar essa mensagem.\n"
        "Texto longo não tem problema: é falado frase por frase.\n"
        "Mudou de ideia? ✖ embaixo do status, ou /cancel para todos os seus pedidos aqui."
        "\n\n"
        "Embaixo de cada mensagem de voz: 🔁 outra versão, 🎯 mais estável, 🎨 mais animada.\n"
        "Crie uma voz com palavras: /design homem idoso de voz calorosa, devagar | "
        "Boa noite!\n"
        "depois responda /keep NOME ao resultado para guardar essa voz.\n"
        "Uma conversa: /dialogue, depois uma linha por fala:\n"
        'alice: Oi, Bob!\nbob: Olá!\n"um robô rabugento": Bip.\n'
        "Ajuste fino: /tune NOME temperature=0.7 top_k=40 top_p=0.9 speed=0.9\n\n"
        "Gerenciar: /voices (ouvir, definir padrão, apagar), /rename ANTIGO NOVO, "
        "/delete NOME, /share NOME on|off\n\n"
        "Consentimento: clonar a mensagem de voz de outra pessoa pede permissão a ela "
        "primeiro; a voz só fala depois que ela aprovar. /myvoices mostra todas as vozes "
        "feitas a partir da sua fala (revogue qualquer uma); /forgetme apaga tudo o que eu "
        "guardo sobre você. Admins de grupo: /settings.\n"
        "Denuncie uma voz aos admins de um grupo: /report NOME [motivo], ou responda /report "
        "a uma mensagem de voz que eu publiquei; ela fica em silêncio até um admin "
        "restaurá-la ou apagá-la.\n\n"
        "Prove que uma voz é sua e deixe-a pronta na hora: /myvoice NOME mostra uma frase; "
        "responda a ela com uma mensagem de voz lendo-a em voz alta.\n\n"
        "Vozes feitas num grupo pertencem a esse grupo; vozes feitas aqui no privado são só "
        "suas. Melhores áudios: 6–30 segundos de uma pessoa falando, com pouco ruído."
    ),
    "tg_clone_usage": "Responda a uma mensagem de voz ou mensagem de vídeo com /clone NOME (ou "
    "/clone NOME | as palavras faladas nela); a um arquivo de áudio, documento ou vídeo com "
    "/clone NOME own (a sua própria voz) ou /clone NOME permission (alguém que deu permissão "
    "a você).",
    "tg_upload_how": "Isso é um arquivo enviado, então pode ser a voz de qualquer pessoa. "
    "Responda a ele com /clone NOME own se for a sua própria voz, ou /clone NOME permission "
    "se quem fala deu permissão a você.",
    "tg_ask_name": "Ótimo áudio! Como devo chamar esta voz? Envie um nome (letras, dígitos, - "
    "ou _), ou /cancel.",
    "tg_cancelled": "Tudo bem, esqueci esse áudio.",
    "tg_rename_usage": "Escreva assim: /rename ANTIGO NOVO",
    "tg_delete_usage": "Escreva assim: /delete NOME",
    "tg_myvoice_usage": "Escreva assim: /myvoice NOME. Eu mostro uma frase curta; responda a "
    "ela com uma mensagem de voz lendo-a em voz alta, e essa leitura vira a sua voz NOME, "
    "pronta na hora.",
    "tg_button_phrase": "🔁 Outra frase",
    "tg_report_usage": "Escreva assim: /report NOME [motivo], ou responda /report [motivo] a "
    "uma mensagem de voz que eu publiquei.",
    "tg_default_usage": "Escreva assim: /default NOME",
    "tg_share_usage": "Escreva assim: /share NOME on (todos aqui podem usar) ou /share NOME "
    "off (só você).",
    "tg_as_yourself": "Envie isso como você mesmo, não anonimamente nem como canal: uma voz "
    "precisa de uma pessoa como dona.",
    "tg_not_your_button": "Só quem fez o pedido pode responder a isto.",
    "tg_settings_usage": "Os admins podem mudá-las: /settings clone everyone|admins, "
    "/settings share on|off, /settings quota CARACTERES (0: sem limite).",
    "cmd_clone": "Registrar uma voz (responda a uma mensagem de voz)",
    "cmd_say": "Falar um texto com uma voz",
    "cmd_voices": "Listar as vozes",
    "cmd_myvoice": "Provar que uma voz é sua lendo uma frase em voz alta",
    "cmd_myvoices": "Vozes feitas a partir da sua fala; revogar qualquer uma",
    "cmd_forgetme": "Apagar tudo o que eu guardo sobre você",
    "cmd_share": "Deixar (ou não) outras pessoas daqui usarem sua voz",
    "cmd_settings": "Configurações do chat (admins): quem clona, compartilhar, cota",
    "cmd_design": "Falar com uma voz descrita em palavras",
    "cmd_dialogue": "Uma conversa: uma linha NOME: texto por fala",
    "cmd_keep": "Guardar uma voz criada (responda a ela)",
    "cmd_cancel": "Cancelar seus pedidos em andamento aqui",
    "cmd_tune": "Ajustar temperature/top_k/top_p/speed de uma voz",
    "cmd_default": "Definir a voz padrão deste chat",
    "cmd_rename": "Renomear uma voz",
    "cmd_delete": "Apagar uma voz",
    "cmd_help": "Como usar este bot",
    "cmd_report": "Denunciar uma voz aos admins deste grupo",
}
