"""What only the Discord bot says, in (Brazilian) Portuguese (every sentence of
`bots.discord.texts`), and its commands' names, descriptions and options (`COMMANDS`: the
English words → the Portuguese)."""

from __future__ import annotations

TEXTS: dict[str, str] = {
    "dc_help": (
        "Eu falo textos com as vozes que você registra.\n"
        "**Registrar uma voz**: clique com o botão direito (ou toque e segure) numa mensagem "
        "com mensagem de voz ou arquivo de áudio → Apps → **Clonar esta voz**; ou responda a "
        "ela com `@bot clone NOME`; ou `/clonar nome: áudio: declaração:` para um arquivo "
        "(num servidor, um admin aprova).\n"
        "**Falar**: `/falar voz: texto:` publica uma mensagem de voz. `/padrão` escolhe a voz "
        "usada quando você não indica `voz`. Texto longo é falado frase por frase. Embaixo de "
        "cada resultado: 🔁 outra versão, 🎯 mais estável, 🎨 mais animada. Mudou de ideia? "
        "✖ embaixo do status, ou `/cancelar` para todos os seus pedidos no canal.\n"
        "**Criar uma voz com palavras**: `/criar descrição: texto:`, depois 💾 guarde-a.\n"
        "**Uma conversa**: `/diálogo`, depois uma linha `nome: texto` por fala.\n"
        "**Ajuste fino**: `/ajustar voz: temperatura: top_k: top_p: velocidade:` (velocidade "
        "0.5–2: mais devagar ou mais rápido, o mesmo tom); `/falar` aceita as mesmas opções "
        "para um só pedido.\n"
        "**Gerenciar**: `/vozes` (ouvir, definir padrão, apagar), `/renomear`, `/apagar`, "
        "`/compartilhar`.\n"
        "**Consentimento**: clonar a voz de outra pessoa pede permissão a ela primeiro; a voz "
        "só fala depois que ela aprovar. `/minhas-vozes` mostra todas as vozes feitas a partir "
        "da sua fala (revogue qualquer uma); `/esqueça-me` apaga tudo o que eu guardo sobre "
        "você. Admins: `/configurações`.\n"
        "**Prove que uma voz é sua**, pronta na hora: `/minha-voz nome:` mostra uma frase; "
        "responda a ela com uma mensagem de voz lendo-a em voz alta.\n"
        "**Denuncie uma voz** aos admins do servidor: `/denunciar nome:`, ou numa mensagem de "
        "voz que eu publiquei → Apps → **Denunciar voz**; ela fica em silêncio até um admin "
        "restaurá-la ou apagá-la.\n"
        "Vozes feitas num servidor pertencem a ele; vozes feitas em mensagens diretas são só "
        "suas. Melhores áudios: 6–30 segundos de uma pessoa falando."
    ),
    "dc_not_a_bot_voice": "Essa não é uma mensagem de voz que eu publiquei. Use “Denunciar "
    "voz” numa das minhas, ou /denunciar nome: para denunciar uma voz pelo nome.",
    "dc_no_audio": "Essa mensagem não tem mensagem de voz nem arquivo de áudio para clonar.",
    "dc_upload_use_clone": "Isso é um arquivo enviado, não uma mensagem de voz gravada por "
    "quem fala: pode ser a voz de qualquer pessoa. Registre com /clonar nome: áudio: "
    "declaração: e diga de quem é (num servidor, depois um admin aprova).",
    "dc_clone_usage": "Responda a uma mensagem de voz ou arquivo de áudio com @bot clone NOME "
    "(ou @bot clone NOME | as palavras faladas nela).",
    "dc_modal_title": "Clonar esta voz",
    "dc_modal_name": "Nome da voz",
    "dc_modal_transcript": "Palavras faladas no áudio (opcional)",
    "dc_dialogue_title": "Um diálogo",
    "dc_report_title": "Denunciar voz",
    "dc_report_reason": "Por quê? (opcional: os admins são avisados)",
    "dc_dialogue_label": "Uma fala por linha: NOME: texto",
    "dc_pick_voice": "Escolha uma voz…",
    "dc_no_audio_to_say": "Essa mensagem não tem mensagem de voz nem arquivo de áudio cujas "
    "palavras eu possa dizer de novo.",
    "dc_speak_as_title": "Dizer estas palavras de novo",
    "dc_speak_as_voice": "Com qual voz?",
    "dc_voice_panel": "**{name}** · {seconds:.0f} s · “{transcript}”",
    "dc_button_sample": "▶ Ouvir",
    "dc_button_approve_named": "✅ Aprovar {name}",
    "dc_button_decline_named": "❌ Recusar {name}",
    "dc_said_by": "🔊 {label} · para {user}",
    "dc_voice_fallback": "Este canal não me deixa publicar mensagens de voz, então aqui vai "
    "um arquivo de áudio. Um admin do servidor pode me dar a permissão **Enviar mensagens de "
    "voz**.",
    "dc_read_in_dm": "Não estou neste chat, então uma resposta aqui não me alcança: envie sua "
    "leitura como mensagem de voz numa DM comigo (meu perfil → Enviar mensagem).",
}

COMMANDS: dict[str, str] = {
    # /say
    "say": "falar",
    "Speak text in a stored voice, posted as a voice message.": "Fale um texto com uma voz "
    "registrada, enviado como mensagem de voz.",
    "text": "texto",
    "What to say": "O que falar",
    "voice": "voz",
    "Which voice (default: this server's default)": "Qual voz (padrão: a voz padrão deste "
    "servidor)",
    "temperature": "temperatura",
    "0–1.5: lower is steadier, higher livelier": "0–1.5: menor é mais estável, maior é mais "
    "animada",
    "top_k": "top_k",
    "-1–100": "-1–100",
    "top_p": "top_p",
    "0.1–1": "0.1–1",
    "speed": "velocidade",
    "0.5–2: slower or faster, the same pitch": "0.5–2: mais devagar ou mais rápido, o mesmo tom",
    "language": "idioma",
    "Say it in this language (the text is translated first)": (
        "Diga neste idioma (o texto é traduzido antes)"
    ),
    "English": "Inglês",
    "Chinese": "Chinês",
    "Spanish": "Espanhol",
    "French": "Francês",
    "German": "Alemão",
    "Italian": "Italiano",
    "Portuguese": "Português",
    "Dutch": "Holandês",
    "Polish": "Polonês",
    "Russian": "Russo",
    "Ukrainian": "Ucraniano",
    "Japanese": "Japonês",
    "Korean": "Coreano",
    # /design
    "design": "criar",
    "Speak in a voice described in words; keep it as a voice if you like it.": "Fale com uma "
    "voz descrita em palavras; guarde-a como voz se gostar.",
    "description": "descrição",
    "The voice in words: who, how, where (e.g. warm elderly man, slow, quiet room)": "A voz "
    "em palavras: quem, como, onde (ex.: homem idoso caloroso, devagar, sala silenciosa)",
    # /dialogue
    "dialogue": "diálogo",
    "A conversation between voices: one `name: text` line per turn.": "Uma conversa entre "
    "vozes: uma linha `nome: texto` por fala.",
    # /cancel
    "cancel": "cancelar",
    "Cancel your requests under way in this channel.": "Cancele seus pedidos em andamento "
    "neste canal.",
    # /clone
    "clone": "clonar",
    "Register a voice from an audio file; in a server an admin approves it first.": "Registre "
    "uma voz a partir de um arquivo de áudio; num servidor, um admin aprova antes.",
    "name": "nome",
    "Name for the voice (letters, digits, - or _)": "Nome da voz (letras, dígitos, - ou _)",
    "audio": "áudio",
    "A clip of one person speaking, 3–30 s": "Um áudio de uma pessoa falando, 3–30 s",
    "statement": "declaração",
    "Whose voice it is: a file could be anyone's": "De quem é a voz: um arquivo pode ser de "
    "qualquer pessoa",
    "my own voice": "minha própria voz",
    "someone who gave me permission": "alguém que me deu permissão",
    "transcript": "transcrição",
    "The words spoken in the clip (optional)": "As palavras faladas no áudio (opcional)",
    # /voices
    "voices": "vozes",
    "List the voices usable here: play, set default, delete.": "Liste as vozes que você pode "
    "usar aqui: ouvir, definir padrão, apagar.",
    # /default
    "default": "padrão",
    "Pick this server's (or DM's) default voice.": "Escolha a voz padrão deste servidor (ou "
    "da mensagem direta).",
    "The voice /say uses when none is given": "A voz que /falar usa quando nenhuma é indicada",
    # /tune
    "tune": "ajustar",
    "Set a voice's own sampling defaults.": "Defina os valores de amostragem próprios de uma voz.",
    "The voice to tune": "A voz a ajustar",
    "0–1.5 (empty: the default)": "0–1.5 (vazio: o padrão)",
    "-1–100 (empty: the default)": "-1–100 (vazio: o padrão)",
    "0.1–1 (empty: the default)": "0.1–1 (vazio: o padrão)",
    "0.5–2 (empty: as generated)": "0.5–2 (vazio: como foi gerada)",
    # /rename
    "rename": "renomear",
    "Give a voice a new name.": "Dê um nome novo a uma voz.",
    "The voice to rename": "A voz a renomear",
    "new_name": "novo_nome",
    "Its new name": "O novo nome",
    # /delete
    "delete": "apagar",
    "Delete a voice and its clip.": "Apague uma voz e o áudio dela.",
    "The voice to delete": "A voz a apagar",
    # /share
    "share": "compartilhar",
    "Let others here use a voice you registered, or keep it to yourself.": "Deixe outras "
    "pessoas daqui usarem uma voz que você registrou, ou guarde-a só para você.",
    "A voice you registered": "Uma voz que você registrou",
    "shared": "compartilhada",
    "Yes: everyone here may use it; no: only you": "Sim: todos aqui podem usar; não: só você",
    # /myvoice
    "myvoice": "minha-voz",
    "Prove a voice is yours: read a phrase aloud in a voice message; it becomes the voice.": (
        "Prove que uma voz é sua: leia uma frase numa mensagem de voz; a leitura vira a voz."
    ),
    "Name for the voice your reading becomes (letters, digits, - or _)": "Nome da voz que a "
    "sua leitura vai virar (letras, dígitos, - ou _)",
    # /myvoices
    "myvoices": "minhas-vozes",
    "Voices made from your speech, anywhere: approve, decline or revoke them.": "Vozes feitas "
    "a partir da sua fala, em qualquer lugar: aprove, recuse ou revogue.",
    # /forgetme
    "forgetme": "esqueça-me",
    "Delete everything this bot keeps about you (asks first).": "Apague tudo o que este bot "
    "guarda sobre você (pergunta antes).",
    # /settings
    "settings": "configurações",
    "This server's rules: who registers voices, sharing, a daily quota (admins change them).": (
        "Regras do servidor: quem registra vozes, compartilhamento, cota diária (admins alteram)."
    ),
    "Who may register voices": "Quem pode registrar vozes",
    "everyone": "todos",
    "admins": "admins",
    "role": "cargo",
    "With clone: role, whose members may": "Com clonar: cargo, cujos membros podem",
    "members_use_others": "usar_vozes_de_outros",
    "May members use each other's voices?": "Membros podem usar as vozes uns dos outros?",
    "daily_chars": "caracteres_por_dia",
    "Characters one member may have spoken per day (0: no limit)": "Caracteres que cada "
    "membro pode mandar falar por dia (0: sem limite)",
    # /report
    "report": "denunciar",
    "Report a voice to this server's admins: it stays silent here until they decide.": (
        "Denuncie uma voz aos admins do servidor: ela fica em silêncio aqui até eles decidirem."
    ),
    "The voice to report": "A voz a denunciar",
    "reason": "motivo",
    "Why (optional; shown in the channel)": "Por quê (opcional; aparece no canal)",
    # /help
    "help": "ajuda",
    "How to use this bot.": "Como usar este bot.",
    # context menus
    "Clone this voice": "Clonar esta voz",
    "Report voice": "Denunciar voz",
    "Speak as…": "Falar como…",
}
